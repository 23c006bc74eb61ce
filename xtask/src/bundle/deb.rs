//! The `tessera-cli` and `tessera-portal` Debian packages: a staging tree, then `dpkg-deb --build`.

use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Result;
use crate::bundle::{Compression, HOMEPAGE, MAINTAINER, Run, VERSION, linked};
use crate::process;

/// The license terms every package carries in `/usr/share/doc/<package>/copyright`.
pub const COPYRIGHT: &str = include_str!("../../packaging/copyright");

/// A package to build: what it installs where, and how dpkg treats it.
#[derive(Debug)]
pub struct Package {
    pub name: &'static str,
    pub section: &'static str,
    pub summary: &'static str,
    /// The long description, one paragraph per line.
    pub description: &'static [&'static str],
    pub files: Vec<File>,
    /// Packages needed beyond those of the shared libraries the binaries link.
    pub depends: &'static [&'static str],
    /// Files under /etc that an upgrade must not overwrite once the admin changed them.
    pub conffiles: &'static [&'static str],
    /// Maintainer scripts: name (`postinst`, ...) and text.
    pub scripts: &'static [(&'static str, &'static str)],
}

/// A file the package installs.
#[derive(Debug)]
pub struct File {
    /// Where it is installed, without the leading `/`.
    pub path: String,
    pub content: Content,
    pub mode: u32,
}

#[derive(Debug)]
pub enum Content {
    /// A program copied from the build (its shared libraries become dependencies).
    Program(PathBuf),
    Text(&'static str),
}

/// `tessera`, the command line, on its own so that a server without a desktop gets it without
/// WebKitGTK.
pub fn cli(run: &Run) -> Result<Package> {
    Ok(Package {
        name: "tessera-cli",
        section: "utils",
        summary: "Tessera license manager for the command line",
        description: &["The tessera command activates, refreshes, inspects and deactivates the license of a \
             program licensed through a Tessera portal, online or offline, with --json output and \
             stable exit codes: the License Manager's operations for servers without a desktop."],
        files: vec![
            File { path: "usr/bin/tessera".into(), content: Content::Program(run.binary("tessera")?), mode: 0o755 },
            copyright("tessera-cli"),
        ],
        depends: &[],
        conffiles: &[],
        scripts: &[],
    })
}

/// The portal as a systemd service: runs as the system user `tessera`, keeps its data in
/// /var/lib/tessera and reads /etc/tessera/portal.toml. Installing it starts nothing.
pub fn portal(run: &Run) -> Result<Package> {
    Ok(Package {
        name: "tessera-portal",
        section: "net",
        summary: "Tessera licensing portal (server)",
        description: &[
            "The vendor's licensing server: activation, validation and offline activation for the \
             Tessera License Manager, customer and partner pages, a back office, orders, \
             subscriptions and mail. Embedded SQLite by default, PostgreSQL for scale.",
            "Runs as the tessera-portal systemd service (user tessera, data in /var/lib/tessera, \
             settings in /etc/tessera/portal.toml). Installing it starts nothing: edit the \
             settings, then `systemctl enable --now tessera-portal`.",
        ],
        files: vec![
            File {
                path: "usr/bin/tessera-portal".into(),
                content: Content::Program(run.binary("tessera-portal")?),
                mode: 0o755,
            },
            File {
                path: "usr/lib/systemd/system/tessera-portal.service".into(),
                content: Content::Text(include_str!("../../packaging/portal/tessera-portal.service")),
                mode: 0o644,
            },
            // Not world-readable: it may hold secrets. postinst gives its group to `tessera`.
            File {
                path: "etc/tessera/portal.toml".into(),
                content: Content::Text(include_str!("../../packaging/portal/portal.toml")),
                mode: 0o640,
            },
            copyright("tessera-portal"),
        ],
        depends: &["adduser"],
        conffiles: &["/etc/tessera/portal.toml"],
        scripts: &[
            ("postinst", include_str!("../../packaging/portal/postinst")),
            ("prerm", include_str!("../../packaging/portal/prerm")),
            ("postrm", include_str!("../../packaging/portal/postrm")),
        ],
    })
}

fn copyright(package: &str) -> File {
    File { path: format!("usr/share/doc/{package}/copyright"), content: Content::Text(COPYRIGHT), mode: 0o644 }
}

/// Builds `package` in the run's scratch folder and returns the `.deb`.
pub fn build(run: &Run, package: &Package) -> Result<PathBuf> {
    let root = run.work.join(package.name);
    let mut programs = Vec::new();
    let mut installed_bytes = 0;
    for file in &package.files {
        let destination = root.join(&file.path);
        create_dirs(&root, destination.parent().ok_or("a packaged file has no folder")?)?;
        match &file.content {
            Content::Program(source) => {
                fs::copy(source, &destination)
                    .map_err(|e| format!("cannot copy {} into the package: {e}", source.display()))?;
                programs.push(destination.clone());
            }
            Content::Text(text) => fs::write(&destination, text)?,
        }
        fs::set_permissions(&destination, fs::Permissions::from_mode(file.mode))?;
        installed_bytes += fs::metadata(&destination)?.len();
    }

    let control_dir = root.join("DEBIAN");
    create_dirs(&root, &control_dir)?;
    let mut depends = linked::debian_depends(run, &programs)?;
    depends.extend(package.depends.iter().map(|name| (*name).to_owned()));
    let control = control_file(package, &architecture()?, &depends, installed_bytes.div_ceil(1024));
    fs::write(control_dir.join("control"), control)?;
    if !package.conffiles.is_empty() {
        fs::write(control_dir.join("conffiles"), package.conffiles.join("\n") + "\n")?;
    }
    for (name, text) in package.scripts {
        let script = control_dir.join(name);
        fs::write(&script, text)?;
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755))?;
    }
    write_md5sums(&root, package)?;

    let deb = run.work.join(format!("{}_{VERSION}_{}.deb", package.name, architecture()?));
    let mut dpkg_deb = Command::new("dpkg-deb");
    dpkg_deb.arg("--root-owner-group");
    match run.compression {
        Compression::Fast => dpkg_deb.args(["-Zgzip", "-z1"]),
        Compression::Small => dpkg_deb.arg("-Zxz"),
    };
    process::run(dpkg_deb.arg("--build").arg(&root).arg(&deb).stdout(std::process::Stdio::null()))?;
    Ok(deb)
}

/// The `DEBIAN/control` file.
fn control_file(package: &Package, architecture: &str, depends: &[String], installed_kib: u64) -> String {
    let mut control = String::new();
    let _ = writeln!(control, "Package: {}", package.name);
    let _ = writeln!(control, "Version: {VERSION}");
    let _ = writeln!(control, "Architecture: {architecture}");
    let _ = writeln!(control, "Maintainer: {MAINTAINER}");
    let _ = writeln!(control, "Installed-Size: {installed_kib}");
    if !depends.is_empty() {
        let _ = writeln!(control, "Depends: {}", depends.join(", "));
    }
    let _ = writeln!(control, "Section: {}", package.section);
    let _ = writeln!(control, "Priority: optional");
    let _ = writeln!(control, "Homepage: {HOMEPAGE}");
    let _ = writeln!(control, "Description: {}", package.summary);
    for (index, paragraph) in package.description.iter().enumerate() {
        if index > 0 {
            control.push_str(" .\n");
        }
        for line in wrap(paragraph, 78) {
            let _ = writeln!(control, " {line}");
        }
    }
    control
}

/// `text` in lines of at most `width` characters, broken between words.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// `DEBIAN/md5sums`, which `dpkg --verify` and debsums check installed files against.
fn write_md5sums(root: &Path, package: &Package) -> Result {
    let conffiles: Vec<&str> = package.conffiles.iter().map(|path| path.trim_start_matches('/')).collect();
    // Conffiles are checked through `conffiles`' own hashes, so dpkg leaves them out.
    let paths: Vec<&str> =
        package.files.iter().map(|file| file.path.as_str()).filter(|path| !conffiles.contains(path)).collect();
    let sums = process::stdout_of(Command::new("md5sum").current_dir(root).args(&paths))
        .ok_or("md5sum failed on the package's files")?;
    fs::write(root.join("DEBIAN/md5sums"), sums)?;
    Ok(())
}

/// Creates `dir` and the folders above it up to `root`, each `rwxr-xr-x` whatever the umask.
fn create_dirs(root: &Path, dir: &Path) -> Result {
    fs::create_dir_all(dir)?;
    for folder in dir.ancestors().take_while(|folder| folder.starts_with(root)) {
        fs::set_permissions(folder, fs::Permissions::from_mode(0o755))?;
    }
    Ok(())
}

/// The machine's Debian architecture (`amd64`, `arm64`).
fn architecture() -> Result<String> {
    process::stdout_of(Command::new("dpkg").arg("--print-architecture"))
        .map(|arch| arch.trim().to_owned())
        .ok_or_else(|| "`dpkg --print-architecture` failed: packages are built on Debian or Ubuntu".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_descriptions_are_wrapped_between_words() {
        let lines = wrap("one two three four", 9);
        assert_eq!(lines, ["one two", "three", "four"]);
    }

    #[test]
    fn the_control_file_names_package_dependencies_and_paragraphs() {
        let package = Package {
            name: "tessera-x",
            section: "utils",
            summary: "A summary",
            description: &["First paragraph.", "Second."],
            files: Vec::new(),
            depends: &[],
            conffiles: &[],
            scripts: &[],
        };
        let control = control_file(&package, "amd64", &["libc6 (>= 2.34)".into(), "adduser".into()], 12);
        assert!(control.starts_with("Package: tessera-x\n"), "{control}");
        assert!(control.contains("\nDepends: libc6 (>= 2.34), adduser\n"), "{control}");
        assert!(control.contains("\nInstalled-Size: 12\n"), "{control}");
        assert!(control.ends_with("Description: A summary\n First paragraph.\n .\n Second.\n"), "{control}");
    }
}
