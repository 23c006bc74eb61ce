//! The desktop app's `.deb` and `.rpm`, made by tauri's bundler from the root tauri.conf.json.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use tauri_bundler::{
    AppCategory, BundleBinary, BundleSettings, DebianSettings, PackageSettings, PackageType, RpmSettings,
    SettingsBuilder,
};
use tauri_utils::config::RpmCompression;

use crate::Result;
use crate::bundle::{Compression, HOMEPAGE, MAINTAINER, Run, VERSION, deb, linked};
use crate::process::workspace_root;

/// The package name, as tauri's bundler makes it from the product name.
const PACKAGE: &str = "tessera-license-manager";

const DESCRIPTION: &str = "Tessera License Manager activates, refreshes and inspects the license of a \
                           program licensed through a Tessera portal, online or offline, and exports \
                           what support asks for.";

/// What the bundler needs from tauri.conf.json.
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct AppConfig {
    product_name: String,
    main_binary_name: String,
    identifier: String,
    bundle: BundleConfig,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct BundleConfig {
    category: String,
    short_description: String,
    icon: Vec<String>,
}

/// Bundles the app and returns its packages, named `tessera-license-manager_<version>_<arch>.deb`
/// and `tessera-license-manager-<version>-1.<arch>.rpm` (the bundler's names hold spaces).
pub fn bundle(run: &Run) -> Result<Vec<PathBuf>> {
    let root = workspace_root();
    let config_path = root.join("tauri.conf.json");
    let config: AppConfig = serde_json::from_str(
        &fs::read_to_string(&config_path).map_err(|e| format!("cannot read {}: {e}", config_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", config_path.display()))?;

    // The bundler writes the package type into the main binary: it gets a copy, never the
    // build's own file, which a running test may be executing.
    let binaries = run.work.join("app");
    fs::create_dir_all(&binaries)?;
    let binary = binaries.join(&config.main_binary_name);
    fs::copy(run.binary(&config.main_binary_name)?, &binary)?;

    let category = config
        .bundle
        .category
        .parse::<AppCategory>()
        .map_err(|_| format!("tauri.conf.json: unknown bundle category {}", config.bundle.category))?;
    let copyright = run.work.join("app-copyright");
    fs::write(&copyright, deb::COPYRIGHT)?;
    let deb_files = HashMap::from([(PathBuf::from(format!("usr/share/doc/{PACKAGE}/copyright")), copyright)]);
    let settings = SettingsBuilder::new()
        .project_out_directory(&binaries)
        .package_types(vec![PackageType::Deb, PackageType::Rpm])
        .package_settings(PackageSettings {
            product_name: config.product_name.clone(),
            version: VERSION.into(),
            description: config.bundle.short_description.clone(),
            homepage: Some(HOMEPAGE.into()),
            authors: Some(vec![MAINTAINER.into()]),
            default_run: None,
        })
        .bundle_settings(BundleSettings {
            identifier: Some(config.identifier.clone()),
            publisher: Some("Tessera".into()),
            homepage: Some(HOMEPAGE.into()),
            // The bundler would install a `@2x` icon into a size folder no icon theme has
            // (`hicolor/256x256@2`): the plain sizes are enough on Linux.
            icon: Some(
                config
                    .bundle
                    .icon
                    .iter()
                    .filter(|icon| !icon.contains("@2x"))
                    .map(|icon| root.join(icon).display().to_string())
                    .collect(),
            ),
            license: Some(env!("CARGO_PKG_LICENSE").into()),
            category: Some(category),
            short_description: Some(config.bundle.short_description.clone()),
            long_description: Some(DESCRIPTION.into()),
            deb: DebianSettings {
                depends: Some(linked::debian_depends(run, std::slice::from_ref(&binary))?),
                section: Some("utils".into()),
                files: deb_files,
                ..DebianSettings::default()
            },
            rpm: RpmSettings {
                depends: Some(linked::rpm_requires(&binary)?),
                compression: Some(match run.compression {
                    Compression::Fast => RpmCompression::Gzip { level: 1 },
                    Compression::Small => RpmCompression::Xz { level: 6 },
                }),
                ..RpmSettings::default()
            },
            ..BundleSettings::default()
        })
        .binaries(vec![BundleBinary::new(config.main_binary_name.clone(), true)])
        .binary_patching(true)
        .build()
        .map_err(|e| format!("tauri bundler settings: {e}"))?;

    let bundles = tauri_bundler::bundle_project(&settings).map_err(|e| format!("tauri bundler: {e}"))?;
    let mut packages = Vec::new();
    for bundle in bundles {
        for path in bundle.bundle_paths {
            let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            // "Tessera License Manager_0.1.0_amd64.deb" → "tessera-license-manager_0.1.0_amd64.deb"
            let renamed = name.replacen(&config.product_name, PACKAGE, 1);
            let destination = run.work.join(renamed);
            fs::rename(&path, &destination)?;
            packages.push(destination);
        }
    }
    if packages.len() != 2 {
        return Err(format!("tauri bundler made {} packages, not a .deb and an .rpm", packages.len()).into());
    }
    Ok(packages)
}
