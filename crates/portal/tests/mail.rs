//! Mail through a real SMTP server (aiosmtpd, started by the test on loopback): the payment's
//! mail with the activation key and how to activate, in the customer's language, as plain text
//! and HTML; the suspension's mail with its reason; a mail queued while the server is down is
//! sent once it is back, nothing lost and nothing sent twice; a password link's body does not
//! stay in the database once sent.

mod common;

use common::admin::ok;
use common::smtp::{SmtpServer, header, part, with_subject};
use std::time::Duration;

async fn queue_row(portal: &common::TestPortal, kind: &str) -> (String, i64, Option<String>, i64) {
    sqlx::query_as(
        "SELECT status, attempts, last_error, next_attempt_at FROM mail_queue WHERE kind = $1 \
         ORDER BY created_at DESC, id DESC LIMIT 1",
    )
    .bind(kind)
    .fetch_one(&portal.pool)
    .await
    .expect("a queued mail")
}

/// Whether the newest mail of `kind` is marked sent within 10 s (the server has it a moment
/// before the sender marks it).
async fn marked_sent(portal: &common::TestPortal, kind: &str) -> bool {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        if queue_row(portal, kind).await.0 == "sent" {
            return true;
        }
        if tokio::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Places an order of `users` users for Initech and records its payment; returns the serial.
async fn sell(portal: &common::TestPortal, users: u32, bank_reference: &str) -> String {
    let placed = ok(
        portal,
        &["place-order", "--customer-email", "ops@initech.example", "--plan", &format!("LED-STD-1Y:{users}")],
    )
    .await;
    let reference = placed.strip_prefix("order ").and_then(|r| r.split(' ').next()).expect("reference").to_owned();
    let amount = format!("{}.00", 100 * users);
    let paid =
        ok(portal, &["record-payment", "--order", &reference, "--amount", &amount, "--bank-reference", bank_reference])
            .await;
    let line = paid.lines().nth(1).expect("a license line");
    line.strip_prefix("license ").and_then(|l| l.split('\t').next()).expect("serial").to_owned()
}

on_both_databases_with_smtp!(mail_reaches_a_real_smtp_server_and_survives_its_outage);

async fn mail_reaches_a_real_smtp_server_and_survives_its_outage(portal: common::TestPortal, mut smtp: SmtpServer) {
    // Arrange: a French-speaking customer and a plan at EUR 100 per user.
    let added = ok(
        &portal,
        &[
            "add-customer",
            "--company",
            "Initech",
            "--email",
            "ops@initech.example",
            "--country",
            "FR",
            "--city",
            "Lyon",
            "--language",
            "fr",
        ],
    )
    .await;
    let key = added.rsplit("activation key ").next().expect("a key").trim().to_owned();
    ok(
        &portal,
        &["add-plan", "--product", "acme-ledger", "--edition", "Standard", "--sku", "LED-STD-1Y", "--price", "100.00"],
    )
    .await;

    // Act: the payment is recorded; the portal's mail job sends its mail.
    let serial = sell(&portal, 2, "VIR-1").await;
    let mails = smtp.wait_for(2).await;

    // Assert: the order's confirmation said how to pay, with the reference to quote.
    let confirmation = with_subject(&mails, "Votre commande JWT");
    let text = part(&confirmation, "text/plain");
    assert!(text.contains("  - Acme Ledger Standard, 1 year, utilisateurs 2 : EUR 200.00\n"), "{text}");
    assert!(text.contains("Veuillez virer EUR 200.00 à Acme Software Ltd, IBAN BG80 BNBG 9661 1020 3456 78, en indiquant la référence JWT"), "{text}");
    // The payment's: in French, to the customer, with the key, the license and the steps, as text and HTML.
    let mail = with_subject(&mails, "Paiement reçu");
    assert!(header(&mail, "To").contains("ops@initech.example"), "{}", header(&mail, "To"));
    let subject = header(&mail, "Subject");
    assert!(
        subject.starts_with("Paiement reçu pour la commande JWT") && subject.ends_with(": vos licences"),
        "{subject}"
    );
    assert!(header(&mail, "Message-ID").starts_with("<mail_"), "{}", header(&mail, "Message-ID"));
    assert_eq!(mail.ctype.mimetype, "multipart/alternative");
    let text = part(&mail, "text/plain");
    assert!(text.starts_with("Bonjour,"), "{text}");
    assert!(text.contains(&format!("\n    {key}\n")), "the key {key:?} on a line of its own: {text:?}");
    assert!(
        text.contains(&format!("numéro de série {serial} : utilisateurs 2, ordinateurs 2, valable jusqu'au")),
        "{text}"
    );
    assert!(text.contains("  2. Collez la clé d'activation et cliquez sur Activer."), "{text}");
    let html = part(&mail, "text/html");
    assert!(html.contains("<html lang=\"fr\">") && html.contains(&key), "{html}");
    assert!(
        html.contains("<li>Collez la clé d&#39;activation") || html.contains("<li>Collez la clé d&#x27;activation"),
        "{html}"
    );
    assert!(marked_sent(&portal, "payment_recorded").await, "the queue says it was sent");

    // A suspension is mailed with its reason.
    ok(&portal, &["set-status", "--serial", &serial, "suspended", "--reason", "Facture 2026-117 impayée"]).await;
    let mails = smtp.wait_for(3).await;
    let suspended = with_subject(&mails, "La licence");
    assert_eq!(header(&suspended, "Subject"), format!("La licence {serial} est suspendue"));
    assert!(part(&suspended, "text/plain").contains("Motif : Facture 2026-117 impayée"), "the reason is in the mail");

    // The server goes down: the next mail waits in the queue, with the error and the next attempt.
    smtp.stop();
    let second = sell(&portal, 1, "VIR-2").await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let (status, attempts, error, next_at) = loop {
        let row = queue_row(&portal, "payment_recorded").await;
        // Claimed (attempts counted) before it is tried: wait for the attempt's outcome.
        if row.2.is_some() || tokio::time::Instant::now() > deadline {
            break row;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!((status.as_str(), attempts), ("queued", 1), "tried once, kept for later: {error:?}");
    assert!(error.is_some_and(|e| e.starts_with("SMTP")), "the reason is noted");
    assert!(next_at > tessera_portal::store::now() + 30, "the next attempt waits about a minute");

    // Back up (and the wait cut short): it is sent, once.
    smtp.resume();
    sqlx::query("UPDATE mail_queue SET next_attempt_at = 0 WHERE status = 'queued'")
        .execute(&portal.pool)
        .await
        .expect("due now");
    let mails = smtp.wait_for(5).await;
    let payments: Vec<String> = mails
        .iter()
        .map(|m| mailparse::parse_mail(m).expect("a mail"))
        .filter(|m| header(m, "Subject").starts_with("Paiement reçu"))
        .map(|m| part(&m, "text/plain"))
        .collect();
    assert!(payments.len() == 2 && payments[1].contains(&second), "the second license's mail came after the outage");
    let ids: std::collections::BTreeSet<String> =
        mails.iter().map(|m| header(&mailparse::parse_mail(m).expect("a mail"), "Message-ID")).collect();
    assert_eq!(ids.len(), 5, "five different mails, none twice");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(smtp.received().len(), 5, "nothing more arrives");

    // A password link is a secret: once sent, its body is gone from the queue.
    ok(&portal, &["add-user", "--customer-email", "ops@initech.example", "--email", "anna@initech.example"]).await;
    let mails = smtp.wait_for(6).await;
    let invitation = with_subject(&mails, "Your account");
    assert!(part(&invitation, "text/plain").contains("/password/reset/"), "the link arrived");
    assert!(marked_sent(&portal, "invitation").await, "the queue says it was sent");
    let (body, html): (String, Option<String>) =
        sqlx::query_as("SELECT body_text, body_html FROM mail_queue WHERE kind = 'invitation'")
            .fetch_one(&portal.pool)
            .await
            .expect("the invitation's row");
    assert_eq!((body.as_str(), html), ("", None), "the link is not kept after sending");

    // A mail given up on (its attempts spent while the server was down: the wait is cut short
    // here) is listed with its error and sent again on request, once.
    smtp.stop();
    ok(&portal, &["add-user", "--customer-email", "ops@initech.example", "--email", "bob@initech.example"]).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while queue_row(&portal, "invitation").await.2.is_none() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    sqlx::query("UPDATE mail_queue SET status = 'failed' WHERE status = 'queued' AND kind = 'invitation'")
        .execute(&portal.pool)
        .await
        .expect("attempts spent");
    let failed = ok(&portal, &["mail", "list", "--status", "failed"]).await;
    let row = failed.lines().nth(1).expect("the failed mail");
    assert!(row.contains("\tfailed\t1\tinvitation\tbob@initech.example\t") && row.contains("\tSMTP"), "{failed}");
    assert!(!failed.contains("/password/reset/"), "the list never shows a body: {failed}");
    let id = row.split('\t').next().expect("id").to_owned();
    smtp.resume();
    assert_eq!(ok(&portal, &["mail", "resend", "--id", &id]).await, format!("mail {id} queued again"));
    let mails = smtp.wait_for(7).await;
    assert!(part(&with_subject(&mails[6..], "Your account"), "text/plain").contains("/password/reset/"));
    let again = common::admin::run(&portal, &["mail", "resend", "--id", &id]).await;
    assert!(again.expect_err("sent already").contains("only a failed mail is sent again"));
}

/// Runs `$name(portal, smtp)` on SQLite and on PostgreSQL, each with its own SMTP server.
macro_rules! on_both_databases_with_smtp {
    ($name:ident) => {
        mod runs {
            use super::*;

            async fn with_smtp(db: common::Db) {
                let dir = std::env::temp_dir().join(format!("tessera-smtp-{}-{:?}", std::process::id(), db));
                let Some(smtp) = SmtpServer::start(&dir) else { return };
                let url = smtp.url();
                let bank = "Acme Software Ltd, IBAN BG80 BNBG 9661 1020 3456 78";
                let Some(portal) = common::TestPortal::spawn_with(db, |config| {
                    config.smtp_url = Some(url);
                    config.bank_details = Some(bank.into());
                })
                .await
                else {
                    return;
                };
                $name(portal, smtp).await;
                let _ = std::fs::remove_dir_all(&dir);
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                with_smtp(common::Db::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                with_smtp(common::Db::Postgres).await;
            }
        }
    };
}
use on_both_databases_with_smtp;
