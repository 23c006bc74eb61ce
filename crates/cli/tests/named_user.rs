//! `tessera activate --user EMAIL` through the real binary against a real portal (issue #13):
//! the company account's password comes from standard input (never an argument, never kept);
//! the license is bound to the user; after the company admin's Unbind, `tessera refresh` and
//! `tessera status` say why the license is revoked; a wrong password is the portal's refusal.

mod common;

use common::TestPortal;

const ANNA: &str = "anna.berg@northwind.example";
const PASSWORD: &str = "correct horse battery";
const UNBOUND: &str =
    "Your company administrator has ended your access to Acme Ledger — ask them to bind a license to you.";

/// Every file under `dir`, read as text (lossy).
fn files_text(dir: &std::path::Path) -> String {
    let mut text = String::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                text.push_str(&String::from_utf8_lossy(&std::fs::read(&path).unwrap_or_default()));
            }
        }
    }
    text
}

#[tokio::test]
async fn a_named_user_activates_with_the_password_on_stdin_and_refresh_after_an_unbind_says_why() {
    // Arrange
    let portal = TestPortal::start().await;
    let seat = portal.bind_company_user(ANNA, PASSWORD, "P30").await;
    let computer = portal.computer();

    // Act
    let activated = computer
        .run_with_input(&["activate", "--user", ANNA, "--product", "acme-ledger"], Some(&format!("{PASSWORD}\n")))
        .await
        .succeeds();
    let status = computer.run(&["status", "--json"]).await.succeeds().json();
    portal.unbind_seat(&seat).await;
    let refreshed = computer.run(&["refresh"]).await;
    let after = computer.run(&["status"]).await;

    // Assert
    assert!(activated.stdout.starts_with("Activated on this computer.\n"), "{}", activated.output());
    assert!(activated.stdout.contains("Bound to user"), "{}", activated.stdout);
    assert!(activated.stdout.contains(ANNA), "{}", activated.stdout);
    assert_eq!(status["code"], "VALID");
    assert_eq!(status["license"]["user"], ANNA);
    assert_eq!(status["license"]["serial"], "P30");
    assert!(refreshed.output().contains(UNBOUND), "{}", refreshed.output());
    assert_eq!(after.code, 6, "revoked: {}", after.output());
    assert!(after.stdout.contains(UNBOUND), "{}", after.stdout);
    let kept = files_text(&computer.state);
    assert!(!kept.contains(PASSWORD), "the password is kept nowhere in the state folder");
    for run in [&activated, &refreshed, &after] {
        assert!(!run.output().contains(PASSWORD), "the password is never printed");
    }
}

#[tokio::test]
async fn a_wrong_password_is_refused_by_the_portal_with_exit_11_and_no_seat_says_so() {
    // Arrange
    let portal = TestPortal::start().await;
    portal.bind_company_user(ANNA, PASSWORD, "P30").await;
    let computer = portal.computer();

    // Act
    let wrong = computer.run_with_input(&["activate", "--user", ANNA, "--json"], Some("not the password\n")).await;
    // Each product keeps its own state folder: another one for Acme Payroll.
    let payroll = portal
        .computer()
        .run_with_input(&["activate", "--user", ANNA, "--product", "acme-payroll", "--json"], Some(PASSWORD))
        .await;
    let human = computer.run_with_input(&["activate", "--user", ANNA, "--lang", "fr"], Some("nope\n")).await;

    // Assert
    wrong.fails_with(11, "USER_SIGN_IN_FAILED");
    payroll.fails_with(11, "NO_SEAT");
    assert_eq!(human.code, 11);
    assert!(
        human.stderr.contains("L'adresse e-mail ou le mot de passe n'est pas correct"),
        "the refusal in French: {}",
        human.output()
    );
    assert_eq!(computer.run(&["status"]).await.code, 3, "still not activated");
}

#[tokio::test]
async fn a_named_user_activates_with_a_mailed_code_read_from_stdin_and_a_wrong_one_is_told_in_french() {
    // Arrange
    let portal = TestPortal::start().await;
    portal.bind_company_user(ANNA, PASSWORD, "P30").await;
    let computer = portal.computer();

    // Act: a wrong code first (the mailed one is then still in force), then the mailed one
    let wrong = computer
        .run_answering(&["activate", "--user", ANNA, "--code", "--lang", "fr"], async { "00000000\n".to_owned() })
        .await;
    // The first code's mail is out before the second is asked for: the outbox keeps their order.
    let first = portal.mailed_code(ANNA, 1).await;
    let mut mailed = String::new();
    let activated = computer
        .run_answering(&["activate", "--user", ANNA, "--code"], async {
            mailed = portal.mailed_code(ANNA, 2).await;
            format!("{mailed}\n")
        })
        .await
        .succeeds();
    let status = computer.run(&["status", "--json"]).await.succeeds().json();

    // Assert
    assert_eq!(wrong.code, 11, "{}", wrong.output());
    assert!(
        wrong.stderr.contains("Si anna.berg@northwind.example appartient à un compte d'entreprise"),
        "where the code went, in French: {}",
        wrong.output()
    );
    assert!(wrong.stderr.contains("Ce code n'est pas correct"), "the refusal in French: {}", wrong.output());
    assert!(activated.stdout.starts_with("Activated on this computer.\n"), "{}", activated.output());
    assert!(activated.stderr.contains("10 minutes"), "{}", activated.stderr);
    assert!(!activated.output().contains(&mailed), "the code is never printed");
    assert!(!wrong.output().contains(&first), "nor the first one");
    assert_eq!(status["license"]["user"], ANNA);
    assert!(!files_text(&computer.state).contains(&mailed), "the code is kept nowhere");
}
