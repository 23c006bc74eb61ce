//! Markdown reports that several tasks share, one `##` section per task.

use std::fs;
use std::io;
use std::path::Path;

/// Replaces the section that starts with the line `heading` (up to the next heading of the
/// same or a higher level) with `section`, or appends `section` if there is no such heading.
/// `section` starts with its own heading line.
pub fn replace_section(markdown: &str, heading: &str, section: &str) -> String {
    let level = heading_level(heading).unwrap_or(usize::MAX);
    let lines: Vec<&str> = markdown.lines().collect();
    let mut in_code = false;
    let mut start = None;
    let mut end = lines.len();
    for (index, line) in lines.iter().enumerate() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if in_code {
            continue;
        }
        match start {
            None if line.trim_end() == heading => start = Some(index),
            Some(_) if heading_level(line).is_some_and(|other| other <= level) => {
                end = index;
                break;
            }
            _ => {}
        }
    }
    let section = section.trim_end();
    let Some(start) = start else {
        let before = markdown.trim_end();
        return if before.is_empty() { format!("{section}\n") } else { format!("{before}\n\n{section}\n") };
    };
    let before = lines[..start].join("\n");
    let after = lines[end..].join("\n");
    let mut out = String::new();
    if !before.trim().is_empty() {
        out.push_str(before.trim_end());
        out.push_str("\n\n");
    }
    out.push_str(section);
    out.push('\n');
    if !after.trim().is_empty() {
        out.push('\n');
        out.push_str(after.trim_end());
        out.push('\n');
    }
    out
}

/// Rewrites one section of the Markdown file at `path`, creating the file with `intro`
/// if it does not exist. The file is replaced atomically.
pub fn write_section(path: &Path, intro: &str, heading: &str, section: &str) -> io::Result<()> {
    let current = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == io::ErrorKind::NotFound => intro.to_owned(),
        Err(error) => return Err(error),
    };
    let updated = replace_section(&current, heading, section);
    let temporary = path.with_extension("md.tmp");
    fs::write(&temporary, updated)?;
    fs::rename(&temporary, path)
}

/// `Some(n)` for an ATX heading `#` × n followed by a space.
fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    (hashes > 0 && line[hashes..].starts_with(' ')).then_some(hashes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Benchmarks\n\nIntro.\n\n## Core\n\nold core\n\n\
                       ### Detail\n\nold detail\n\n## Portal\n\nportal\n";

    #[test]
    fn a_section_is_replaced_with_its_subsections_and_the_others_are_kept() {
        let updated = replace_section(DOC, "## Core", "## Core\n\nnew core\n");
        assert_eq!(updated, "# Benchmarks\n\nIntro.\n\n## Core\n\nnew core\n\n## Portal\n\nportal\n");
    }

    #[test]
    fn the_last_section_is_replaced_up_to_the_end() {
        let updated = replace_section(DOC, "## Portal", "## Portal\n\nfaster\n");
        assert!(updated.ends_with("old detail\n\n## Portal\n\nfaster\n"), "{updated}");
    }

    #[test]
    fn a_missing_section_is_appended() {
        let updated = replace_section(DOC, "## App", "## App\n\napp\n");
        assert_eq!(updated, format!("{DOC}\n## App\n\napp\n"));
    }

    #[test]
    fn replacing_twice_gives_the_same_file() {
        let once = replace_section(DOC, "## Core", "## Core\n\nnew\n");
        assert_eq!(replace_section(&once, "## Core", "## Core\n\nnew\n"), once);
    }

    #[test]
    fn headings_inside_code_blocks_are_not_sections() {
        let doc = "# B\n\n## Core\n\n```\n## Portal\n```\n\nkept? no\n\n## Portal\n\np\n";
        let updated = replace_section(doc, "## Core", "## Core\n\nnew\n");
        assert_eq!(updated, "# B\n\n## Core\n\nnew\n\n## Portal\n\np\n");
    }

    #[test]
    fn an_empty_file_gets_just_the_section() {
        assert_eq!(replace_section("", "## Core", "## Core\n\nx"), "## Core\n\nx\n");
    }
}
