//! Secrets in the real OS keyring (Secret Service under a D-Bus session with gnome-keyring), and
//! in the encrypted file where there is none.

mod common;

use tessera_client::{CredentialStore, StateDir, StoreKind};

#[test]
fn the_encrypted_file_keeps_secrets_private_and_unreadable() {
    let state = StateDir::at(common::temp_dir("cred"));
    let store = CredentialStore::file("tessera-test-file", &state);
    assert!(matches!(store.kind(), StoreKind::EncryptedFile { .. }));
    store.set("portal-token", "tok-123-very-secret").expect("set");
    store.set("activation-key", "ABCDE-FGHJK").expect("set");
    assert_eq!(store.get("portal-token").expect("get").as_deref(), Some("tok-123-very-secret"));
    store.delete("portal-token").expect("delete");
    assert_eq!(store.get("portal-token").expect("get"), None);
    let path = state.file("credentials.enc");
    let raw = std::fs::read_to_string(&path).expect("file");
    assert!(!raw.contains("ABCDE") && !raw.contains("activation"), "secrets and names are encrypted");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777, 0o600);
    }
    // A flipped byte is caught, not read as garbage.
    let damaged = raw.replacen("\"ciphertext\": \"", "\"ciphertext\": \"AAAA", 1);
    std::fs::write(&path, damaged).expect("damage");
    assert_eq!(store.get("activation-key").expect_err("damaged").code(), "STATE_CORRUPT");
    let _ = std::fs::remove_dir_all(state.path());
}

#[test]
fn the_os_keyring_is_used_when_there_is_one() {
    let state = StateDir::at(common::temp_dir("keyring"));
    let service = format!("tessera-test-{}", std::process::id());
    let store = CredentialStore::open(&service, &state);
    if store.kind() != StoreKind::Keyring {
        assert!(
            std::env::var("TESSERA_REQUIRE_KEYRING").as_deref() != Ok("1"),
            "a Secret Service keyring is required here (TESSERA_REQUIRE_KEYRING=1) but none answered"
        );
        eprintln!(
            "SKIPPED: no OS keyring in this session (run under dbus-run-session with gnome-keyring); using {}",
            store.kind()
        );
        return;
    }
    store.set("machine-key", "secret-value-1").expect("set");
    assert_eq!(store.get("machine-key").expect("get").as_deref(), Some("secret-value-1"));
    // A second store on the same service sees the same keyring entry, and nothing was written to disk.
    let again = CredentialStore::open(&service, &state);
    assert_eq!(again.get("machine-key").expect("get").as_deref(), Some("secret-value-1"));
    assert!(!state.file("credentials.enc").exists());
    store.delete("machine-key").expect("delete");
    assert_eq!(again.get("machine-key").expect("get"), None);
}
