//! Settings come from flags, then the environment, then a TOML file, then defaults.

use std::path::{Path, PathBuf};
use std::process::Command;

fn portal(config: &Path, flags: &[&str], env: &[(&str, &Path)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tessera-portal"));
    command
        .arg("--config")
        .arg(config)
        .args(flags)
        .arg("demo")
        .env("TESSERA_LOG", "warn")
        .env_remove("TESSERA_DATA_DIR");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("tessera-portal runs")
}

#[test]
fn flags_beat_the_environment_which_beats_the_file() {
    let root = std::env::temp_dir().join(format!("tessera-config-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("dir");
    let [from_file, from_env, from_flag]: [PathBuf; 3] = ["file", "env", "flag"].map(|n| root.join(n));
    let config = root.join("portal.toml");
    std::fs::write(&config, format!("data_dir = {:?}\nmax_connections = 4\n", from_file)).expect("write");

    assert!(portal(&config, &[], &[]).status.success());
    assert!(from_file.join("portal.db").exists(), "the file's data_dir is used when nothing else says");

    assert!(portal(&config, &[], &[("TESSERA_DATA_DIR", &from_env)]).status.success());
    assert!(from_env.join("portal.db").exists(), "the environment beats the file");

    let flag = from_flag.to_str().expect("utf-8");
    assert!(portal(&config, &["--data-dir", flag], &[("TESSERA_DATA_DIR", &from_env)]).status.success());
    assert!(from_flag.join("portal.db").exists(), "a flag beats the environment");

    std::fs::write(&config, "data_dri = \"/tmp/typo\"\n").expect("write");
    let typo = portal(&config, &[], &[]);
    assert_eq!(typo.status.code(), Some(2));
    let message = String::from_utf8_lossy(&typo.stderr);
    assert!(message.contains("unknown field `data_dri`"), "{message}");
    let _ = std::fs::remove_dir_all(&root);
}
