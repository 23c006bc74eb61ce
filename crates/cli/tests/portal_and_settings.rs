//! The customer portal, settings, diagnostics and languages through the real `tessera` binary.

mod common;

use common::{Computer, TestPortal, dead_portal, stranger_keys};

#[tokio::test]
async fn signing_in_and_listing_licenses_in_french_shows_p30_p65_p24_under_french_headers() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();

    let run = computer.run(&["--lang", "fr", "sign-in", "--email", "demo@northwind.example", "--order", "JWT19"]).await;
    assert_eq!(run.succeeds().stdout, "Connecté en tant que demo@northwind.example.\n");
    let run = computer.run(&["--lang", "fr", "licenses"]).await.succeeds();

    let header = run.stdout.lines().next().expect("a header line");
    for title in ["Application", "Numéro de série / Ordinateur", "Jours", "Utilisateurs", "Édition", "Support\u{202f}?"]
    {
        assert!(header.contains(title), "{title:?} missing from {header:?}");
    }
    for serial in ["P30", "P65", "P24"] {
        assert!(run.stdout.lines().skip(2).any(|row| row.contains(serial)), "{serial} missing:\n{}", run.stdout);
    }
    assert!(run.stdout.contains("Oui") && run.stdout.contains("Non"), "{}", run.stdout);
}

#[tokio::test]
async fn supports_list_under_their_headers_and_sign_out_ends_the_session() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    computer.run(&["supports", "--json"]).await.fails_with(11, "NOT_SIGNED_IN");
    computer
        .run(&["sign-in", "--email", "demo@northwind.example", "--order", "JWT404", "--json"])
        .await
        .fails_with(11, "SIGN_IN_FAILED");
    computer.run(&["sign-in", "--email", "demo@northwind.example", "--order", "JWT19"]).await.succeeds();

    let run = computer.run(&["supports"]).await.succeeds();
    assert!(run.stdout.starts_with("Application  Serial number"), "{}", run.stdout);
    assert!(run.stdout.contains("Duration (years)"), "{}", run.stdout);
    let supports = computer.run(&["supports", "--json"]).await.succeeds().json();
    assert_eq!(supports["supports"].as_array().map(Vec::len), Some(2), "{supports}");
    let licenses = computer.run(&["licenses", "--json"]).await.succeeds().json();
    let serials: Vec<&str> =
        licenses["licenses"].as_array().expect("rows").iter().filter_map(|r| r["serial"].as_str()).collect();
    assert_eq!(serials, ["P30", "P65", "P24"]);

    assert_eq!(computer.run(&["sign-out"]).await.succeeds().stdout, "Signed out.\n");
    computer.run(&["licenses", "--json"]).await.fails_with(11, "NOT_SIGNED_IN");
}

#[tokio::test]
async fn settings_are_saved_shown_and_checked() {
    let computer = Computer::new(&dead_portal(), &stranger_keys());

    let run = computer
        .run(&["settings", "--proxy", "manual", "--proxy-url", "http://proxy.example:3128", "--proxy-user", "ada"])
        .await
        .succeeds();
    assert!(run.stdout.starts_with("Saved\n"), "{}", run.stdout);
    let shown = computer.run(&["settings", "--json"]).await.succeeds().json();
    assert_eq!(shown["settings"]["proxy"]["mode"], "manual");
    assert_eq!(shown["settings"]["proxy"]["url"], "http://proxy.example:3128");
    assert_eq!(shown["settings"]["proxy"]["username"], "ada");
    assert_eq!(shown["credential_store"]["kind"], "encrypted_file");

    let cases = [
        (vec!["settings", "--portal-url", "ftp://portal.example"], "a portal address that is not http(s)"),
        (vec!["settings", "--proxy-url", "socks4://proxy.example"], "an unsupported proxy scheme"),
        (vec!["settings", "--language", "de"], "a language without a catalogue"),
        (vec!["settings", "--proxy-url", "http://ada:pw@proxy.example:3128"], "a password inside the proxy address"),
    ];
    for (args, why) in cases {
        let mut args = args;
        args.push("--json");
        let run = computer.run(&args).await;
        assert_eq!(run.code, 12, "{why}: {}", run.output());
        assert_eq!(run.json()["code"], "INVALID_SETTING", "{why}");
    }
}

#[tokio::test]
async fn the_proxy_password_is_read_from_standard_input_and_never_shown() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    let password = "s3cret-proxy-pass";

    let run = computer
        .run_with_input(
            &[
                "settings",
                "--proxy",
                "manual",
                "--proxy-url",
                "http://127.0.0.1:9",
                "--proxy-user",
                "ada",
                "--proxy-password-stdin",
            ],
            Some(&format!("{password}\n")),
        )
        .await
        .succeeds();

    let mut printed = run.output();
    printed.push_str(&computer.run(&["settings"]).await.succeeds().output());
    printed.push_str(&computer.run(&["diagnostics"]).await.succeeds().output());
    // The proxy does not answer: the failure names the proxy, not its password.
    let refused = computer.run(&["activate", &portal.key(), "--json"]).await.fails_with(10, "PROXY_FAILED");
    printed.push_str(&refused.output());
    printed.push_str(&computer.run(&["activate", &portal.key()]).await.output());
    assert!(!printed.contains(password), "the password was printed:\n{printed}");
    for file in std::fs::read_dir(&computer.state).expect("state folder").flatten() {
        let bytes = std::fs::read(file.path()).expect("read");
        assert!(!String::from_utf8_lossy(&bytes).contains(password), "{} holds the password", file.path().display());
    }
}

#[tokio::test]
async fn the_language_comes_from_lang_then_the_settings_then_the_flag() {
    let computer = Computer::new(&dead_portal(), &stranger_keys());

    let english = computer.run(&["status"]).await;
    assert!(english.stdout.starts_with("License: Not activated"), "{}", english.stdout);

    computer.run(&["settings", "--language", "it"]).await.succeeds();
    let italian = computer.run(&["status"]).await;
    assert!(italian.stdout.starts_with("Licenza: Non attivata"), "{}", italian.stdout);

    let russian = computer.run(&["--lang", "ru", "status"]).await;
    assert!(russian.stdout.starts_with("Лицензия: Не активирована"), "{}", russian.stdout);
}

#[tokio::test]
async fn diagnostics_and_the_fingerprint_describe_this_computer() {
    let computer = Computer::new(&dead_portal(), &stranger_keys());
    let fingerprint = computer.run(&["fingerprint", "--json"]).await.succeeds().json();
    let hex = fingerprint["fingerprint"].as_str().expect("fingerprint");
    assert_eq!(hex.len(), 64);

    let out = computer.file("diagnostics.json");
    let run = computer.run(&["diagnostics", "--out", common::path_str(&out)]).await.succeeds();
    assert!(run.stdout.starts_with("The diagnostics report was saved to"), "{}", run.stdout);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("report")).expect("JSON");
    assert_eq!(report["fingerprint"], hex);
    assert_eq!(report["status"], "NOT_ACTIVATED");
}

#[tokio::test]
async fn a_proxy_is_blamed_only_when_the_request_went_through_it() {
    let dead = dead_portal();
    let computer = Computer::new(&dead, &stranger_keys());
    let key = tessera_core::example::activation_key().to_string();
    let dead_proxy = "http://127.0.0.1:9";
    type Vars<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Vars<'_>, &str, &str); 4] = [
        (&[("HTTPS_PROXY", dead_proxy)], "NETWORK_UNREACHABLE", "an https proxy is not used for an http:// portal"),
        (
            &[("HTTP_PROXY", dead_proxy), ("NO_PROXY", "localhost,127.0.0.1")],
            "NETWORK_UNREACHABLE",
            "NO_PROXY covers it",
        ),
        (&[("http_proxy", dead_proxy), ("no_proxy", "127.0.0.0/8")], "NETWORK_UNREACHABLE", "a network in no_proxy"),
        (&[("HTTP_PROXY", dead_proxy)], "PROXY_FAILED", "the request went through the proxy"),
    ];
    for (vars, code, why) in cases {
        let run = computer.run_in(&["activate", &key, "--json"], None, vars).await;
        assert_eq!(run.json()["code"], code, "{why}: {}", run.output());
        let message = run.json()["message"].as_str().unwrap_or_default().to_owned();
        if code == "PROXY_FAILED" {
            assert!(message.contains("127.0.0.1:9"), "the proxy used is named: {message}");
        } else {
            assert!(!message.to_lowercase().contains("proxy"), "{why}: no proxy blamed: {message}");
        }
    }
}
