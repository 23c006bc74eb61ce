//! `cargo xtask lint`: the portal's layer rules (docs/architecture.md), checked on the source
//! so a change that breaks one is named with its file, line and rule.

use std::path::{Path, PathBuf};

use crate::Result;

/// A folder of `crates/portal/src` (`""` for all of it) but its subfolder `except`, and what
/// code in it must never name.
struct Rule {
    folder: &'static str,
    except: Option<&'static str>,
    forbidden: &'static [&'static str],
    why: &'static str,
}

const RULES: [Rule; 6] = [
    Rule {
        folder: "",
        except: Some("store"),
        forbidden: &["sqlx", "rusqlite"],
        why: "all SQL is in store/: call a store function (or add one there)",
    },
    Rule {
        folder: "api",
        except: None,
        forbidden: &["crate::web"],
        why: "the API and the pages never import each other: what both need is a service",
    },
    Rule {
        folder: "web",
        except: None,
        forbidden: &["crate::api"],
        why: "the pages and the API never import each other: what both need is a service",
    },
    Rule {
        folder: "services",
        except: None,
        forbidden: &["axum", "crate::api", "crate::web"],
        why: "a service takes what a handler read and returns what it answers: no HTTP in it",
    },
    Rule {
        folder: "domain",
        except: None,
        forbidden: &["axum", "sqlx", "crate::api", "crate::web", "crate::services"],
        why: "domain types depend on nothing but tessera-core and serde",
    },
    Rule {
        folder: "store",
        except: None,
        forbidden: &["axum", "crate::api", "crate::web", "crate::services", "crate::cli", "crate::demo"],
        why: "the store reads and writes rows for the layers above: it knows only domain/ and sqlx",
    },
];

/// Checks the rules; fails naming every line that breaks one.
pub fn run() -> Result {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/portal/src");
    let mut broken = Vec::new();
    for rule in &RULES {
        for file in rust_files(&root.join(rule.folder))? {
            let relative = file.strip_prefix(&root).unwrap_or(&file);
            if !applies(rule, relative) {
                continue;
            }
            let text = std::fs::read_to_string(&file)?;
            let relative = relative.display().to_string();
            let shown = format!("crates/portal/src/{relative}");
            broken.extend(breaches(rule, &shown, &text));
        }
    }
    if broken.is_empty() {
        println!("lint: the portal's layer rules hold ({} rules)", RULES.len());
        return Ok(());
    }
    for line in &broken {
        eprintln!("{line}");
    }
    Err(format!("lint: {} line(s) break the portal's layer rules (docs/architecture.md)", broken.len()).into())
}

/// Whether `rule` holds for the file at `relative` (to `crates/portal/src`).
fn applies(rule: &Rule, relative: &Path) -> bool {
    relative.starts_with(rule.folder)
        && !rule.except.is_some_and(|except| relative.starts_with(Path::new(rule.folder).join(except)))
}

/// The lines of `text` (the file `shown`) that name what `rule` forbids; comments do not count.
fn breaches(rule: &Rule, shown: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for word in rule.forbidden {
            if names(code, word) {
                let place = if rule.folder.is_empty() { "the portal".to_owned() } else { format!("{}/", rule.folder) };
                let place = rule.except.map_or(place.clone(), |except| format!("{place} outside {except}/"));
                found.push(format!("{shown}:{}: {place} must not use `{word}`: {}", n + 1, rule.why));
            }
        }
    }
    found
}

/// Whether `code` names the path `word` (`axum` but not `my_axum`).
fn names(code: &str, word: &str) -> bool {
    code.match_indices(word).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn rust_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    if !dir.exists() {
        return Ok(files);
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(rust_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_naming_axum_or_the_api_is_caught_and_a_comment_is_not() {
        let services = &RULES[3];
        let text = "//! No axum here.\nuse axum::extract::State;\nuse crate::api::activations;\nlet my_axum = 1;\n";
        let found = breaches(services, "services/x.rs", text);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].starts_with("services/x.rs:2: services/ must not use `axum`"), "{}", found[0]);
        assert!(found[1].starts_with("services/x.rs:3: services/ must not use `crate::api`"), "{}", found[1]);
    }

    #[test]
    fn the_pages_importing_the_api_is_caught() {
        let found = breaches(&RULES[2], "web/keys.rs", "use crate::api::registration::{self, Value};\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("never import each other"));
    }

    #[test]
    fn sql_outside_the_store_is_caught_and_the_store_may_hold_it() {
        let sql = &RULES[0];
        let found = breaches(sql, "web/home.rs", "let n: i64 = sqlx::query_scalar(\"SELECT 1\");\n");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].starts_with("web/home.rs:1: the portal outside store/ must not use `sqlx`"), "{}", found[0]);
        assert!(applies(sql, Path::new("web/home.rs")) && applies(sql, Path::new("licensing.rs")));
        assert!(!applies(sql, Path::new("store/licenses.rs")), "the store is where SQL lives");
        assert!(!applies(&RULES[1], Path::new("web/home.rs")), "the api rule is for api/ only");
    }

    #[test]
    fn the_portal_holds_the_rules_today() {
        run().expect("the layer rules hold");
    }
}
