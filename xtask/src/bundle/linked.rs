//! What the packaged binaries link, as Debian `Depends` and as RPM `Requires`.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::Result;
use crate::bundle::Run;

/// The Debian packages that provide the shared libraries `binaries` link, with the least
/// versions their symbols need (`libc6 (>= 2.34)`), as `dpkg-shlibdeps` works them out.
pub fn debian_depends(run: &Run, binaries: &[PathBuf]) -> Result<Vec<String>> {
    // dpkg-shlibdeps reads the architecture from a source package's control file.
    let source = run.work.join("shlibdeps");
    fs::create_dir_all(source.join("debian"))?;
    fs::write(source.join("debian/control"), "Source: tessera\n\nPackage: tessera\nArchitecture: any\n")?;
    let mut command = Command::new("dpkg-shlibdeps");
    command.current_dir(&source).arg("-O");
    for binary in binaries {
        command.arg(format!("-e{}", binary.display()));
    }
    let output =
        command.output().map_err(|e| format!("cannot start dpkg-shlibdeps (apt-get install dpkg-dev): {e}"))?;
    if !output.status.success() {
        return Err(format!("dpkg-shlibdeps failed: {}", String::from_utf8_lossy(&output.stderr).trim()).into());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let depends = stdout
        .lines()
        .find_map(|line| line.strip_prefix("shlibs:Depends="))
        .ok_or("dpkg-shlibdeps named no dependency")?;
    Ok(depends.split(", ").map(str::to_owned).collect())
}

/// The sonames `binary` needs, the way rpmbuild writes them as requirements
/// (`libwebkit2gtk-4.1.so.0()(64bit)`): any distribution's package that provides them will do.
pub fn rpm_requires(binary: &PathBuf) -> Result<Vec<String>> {
    let output = Command::new("readelf")
        .args(["--dynamic", "--wide"])
        .arg(binary)
        .output()
        .map_err(|e| format!("cannot start readelf (apt-get install binutils): {e}"))?;
    if !output.status.success() {
        return Err(format!("readelf failed on {}", binary.display()).into());
    }
    let sonames = needed_sonames(&String::from_utf8_lossy(&output.stdout));
    if sonames.is_empty() {
        return Err(format!("{} links no shared library: not a dynamic executable?", binary.display()).into());
    }
    let suffix = if cfg!(target_pointer_width = "64") { "()(64bit)" } else { "" };
    Ok(sonames.into_iter().map(|soname| format!("{soname}{suffix}")).collect())
}

/// The `NEEDED` entries of `readelf --dynamic` output, e.g.
/// ` 0x0000000000000001 (NEEDED)  Shared library: [libc.so.6]`.
fn needed_sonames(readelf: &str) -> Vec<String> {
    readelf
        .lines()
        .filter(|line| line.contains("(NEEDED)"))
        .filter_map(|line| {
            let start = line.find('[')? + 1;
            let end = line.rfind(']')?;
            (start < end).then(|| line[start..end].to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needed_sonames_are_read_from_the_dynamic_section() {
        let readelf = "\
Dynamic section at offset 0x2a0 contains 3 entries:
  Tag        Type                         Name/Value
 0x0000000000000001 (NEEDED)             Shared library: [libdbus-1.so.3]
 0x0000000000000001 (NEEDED)             Shared library: [libc.so.6]
 0x000000000000000e (SONAME)             Library soname: [libself.so.1]
";
        assert_eq!(needed_sonames(readelf), ["libdbus-1.so.3", "libc.so.6"]);
    }
}
