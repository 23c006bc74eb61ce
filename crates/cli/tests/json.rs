//! `--json`: whatever happens, exactly one JSON object on standard output and nothing on standard error.

mod common;

use common::{Computer, TestPortal, path_str};

#[tokio::test]
async fn every_command_prints_one_json_object_whether_it_succeeds_or_fails() {
    let portal = TestPortal::start().await;
    let computer = portal.computer();
    let key = portal.key();
    let request = computer.file("request.txt");
    let response = computer.file("response.txt");
    let receipt = computer.file("receipt.txt");
    let report = computer.file("diagnostics.json");
    std::fs::write(&response, "not a response file").expect("write");
    let (request, response, receipt, report) =
        (path_str(&request), path_str(&response), path_str(&receipt), path_str(&report));

    // (arguments, expected exit code), in an order that visits failures and successes.
    let runs: Vec<(Vec<&str>, i32)> = vec![
        (vec!["status"], 3),
        (vec!["refresh"], 3),
        (vec!["deactivate"], 3),
        (vec!["import-response", response], 12),
        (vec!["licenses"], 11),
        (vec!["supports"], 11),
        (vec!["register", "not-a-key"], 12),
        (vec!["activate", "typo"], 12),
        (vec!["activate"], 2),
        (vec!["no-such-command"], 2),
        (vec!["deactivate", "--offline"], 2),
        (vec!["--lang", "de", "status"], 2),
        (vec!["export-request", &key, "--out", request], 0),
        (vec!["import-response", request], 12),
        (vec!["activate", &key], 0),
        (vec!["status"], 0),
        (vec!["refresh"], 0),
        (vec!["installation-key"], 0),
        (vec!["fingerprint"], 0),
        (vec!["diagnostics"], 0),
        (vec!["diagnostics", "--out", report], 0),
        (vec!["settings"], 0),
        (vec!["settings", "--auto-refresh-hours", "12"], 0),
        (vec!["sign-in", "--email", "demo@northwind.example", "--order", "JWT11408"], 0),
        (vec!["licenses"], 0),
        (vec!["supports"], 0),
        (vec!["sign-out"], 0),
        (vec!["deactivate", "--offline", "--receipt", receipt], 0),
        (vec!["status"], 3),
    ];
    for (mut args, exit) in runs {
        args.push("--json");
        let run = computer.run(&args).await;
        let object = run.json();
        assert_eq!(run.code, exit, "`{}`: {object}", run.args);
        if exit != 0 && args[0] != "status" {
            assert!(object["code"].is_string() && object["message"].is_string(), "`{}`: {object}", run.args);
        }
        assert_eq!(run.stdout.trim_end().lines().count(), 1, "`{}`: one line", run.args);
    }
}

#[tokio::test]
async fn a_usage_error_with_json_is_a_usage_object_and_exit_2() {
    let computer = Computer::new(&common::dead_portal(), &common::stranger_keys());

    let run = computer.run(&["activate", "--json"]).await;

    assert_eq!(run.code, 2);
    let object = run.json();
    assert_eq!(object["code"], "USAGE");
    assert!(object["message"].as_str().is_some_and(|m| m.contains("<KEY>")), "{object}");
}
