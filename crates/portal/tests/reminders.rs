//! Reminders that a term is ending (seed 004: access is not renewed automatically): 90, 30 and
//! 7 days before and on the day it ended, each once, only the most urgent when several fell due,
//! none for a suspended license, and afresh for a term extended; two portals finding the same
//! reminder due queue it once; none for a subscription's license, which renews with it.

mod common;

use common::admin::ok;
use tessera_portal::domain::{Actor, Serial};
use tessera_portal::mail::Mailer;
use tessera_portal::services::{administration, reminders, subscriptions};

const DAY: i64 = 86_400;

/// The subject and body of each mail queued about license `serial` (queued within the same
/// second, so in no particular order).
async fn mails(portal: &common::TestPortal, serial: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "SELECT m.subject, m.body_text FROM mail_queue m JOIN licenses l ON l.id = m.license_id \
         WHERE l.serial = $1 AND m.kind IN ('term_ending', 'term_ended')",
    )
    .bind(serial)
    .fetch_all(&portal.pool)
    .await
    .expect("mails")
}

/// Whether one of `mails` has `subject` and a body holding `text`.
fn has(mails: &[(String, String)], subject: &str, text: &str) -> bool {
    mails.iter().any(|(s, body)| s == subject && body.contains(text))
}

async fn expires_at(portal: &common::TestPortal, serial: &str) -> i64 {
    sqlx::query_scalar("SELECT expires_at FROM licenses WHERE serial = $1")
        .bind(serial)
        .fetch_one(&portal.pool)
        .await
        .expect("a term")
}

fn day(at: i64) -> String {
    chrono::DateTime::from_timestamp(at, 0).expect("day").format("%Y-%m-%d").to_string()
}

on_both_databases!(
    each_reminder_of_a_term_is_mailed_once_and_the_most_urgent_wins,
    |portal: common::TestPortal| async move {
        // Arrange: two one-year licenses of a product of their own; one of them suspended.
        ok(&portal, &["add-product", "--id", "rem-tool", "--name", "Rem Tool"]).await;
        ok(&portal, &["add-edition", "--product", "rem-tool", "--name", "Pro", "--sku", "REM-PRO"]).await;
        for serial in ["R1", "R2"] {
            ok(
                &portal,
                &[
                    "add-license",
                    "--customer-email",
                    "it@contoso.example",
                    "--product",
                    "rem-tool",
                    "--edition",
                    "Pro",
                    "--users",
                    "4",
                    "--serial",
                    serial,
                    "--term-days",
                    "365",
                ],
            )
            .await;
        }
        ok(&portal, &["set-status", "--serial", "R2", "suspended", "--reason", "Invoice overdue"]).await;
        let mailer = Mailer::from_config(&portal.config).with_public_url(&portal.url);
        let end = expires_at(&portal, "R1").await;

        // Act and assert: nothing 100 days before; at 90 days one mail, and only one.
        let ends_on = format!("Your license R1 ends on {}", day(end));
        reminders::remind(&portal.pool, &mailer, end - 100 * DAY).await.expect("remind");
        assert!(mails(&portal, "R1").await.is_empty());
        reminders::remind(&portal.pool, &mailer, end - 90 * DAY).await.expect("remind");
        reminders::remind(&portal.pool, &mailer, end - 90 * DAY + 60).await.expect("remind");
        let sent = mails(&portal, "R1").await;
        assert_eq!(sent.len(), 1, "{sent:?}");
        let body = &sent[0].1;
        assert_eq!(sent[0].0, ends_on);
        assert!(body.contains("(Rem Tool Pro, 4 users) ends on") && body.contains("in 90 days"), "{body}");
        assert!(body.contains("not renewed automatically") && body.contains("/licenses/lic_"), "{body}");
        assert!(mails(&portal, "R2").await.is_empty(), "a suspended license is not reminded");

        // A portal stopped past the 30-day mark sends the 7-day reminder alone, then nothing more.
        reminders::remind(&portal.pool, &mailer, end - 5 * DAY).await.expect("remind");
        reminders::remind(&portal.pool, &mailer, end - 3 * DAY).await.expect("remind");
        let sent = mails(&portal, "R1").await;
        assert_eq!(sent.len(), 2, "{sent:?}");
        assert!(has(&sent, &ends_on, "in 5 days"), "{sent:?}");
        assert!(!sent.iter().any(|(_, body)| body.contains("in 30 days")), "no stale 30-day reminder");

        // The day it ended, then two days on: one "has ended" mail, none later.
        reminders::remind(&portal.pool, &mailer, end + 3600).await.expect("remind");
        reminders::remind(&portal.pool, &mailer, end + 2 * DAY).await.expect("remind");
        let sent = mails(&portal, "R1").await;
        assert_eq!(sent.len(), 3, "{sent:?}");
        assert!(has(&sent, "Your license R1 has ended", &format!("ended on {}", day(end))), "{sent:?}");

        // A term extended is a new end: its reminders start over.
        let later = end + 365 * DAY;
        administration::extend_term(
            &portal.pool,
            &Actor::cli(),
            &Serial::parse("serial", "R1").expect("serial"),
            later,
        )
        .await
        .expect("extended");
        reminders::remind(&portal.pool, &mailer, later - 20 * DAY).await.expect("remind");
        let sent = mails(&portal, "R1").await;
        assert_eq!(sent.len(), 4, "{sent:?}");
        assert!(has(&sent, &format!("Your license R1 ends on {}", day(later)), "in 20 days"), "{sent:?}");

        // Two portals finding the same reminder due at once queue it once.
        let at = later - 6 * DAY;
        let (first, second) =
            tokio::join!(reminders::remind(&portal.pool, &mailer, at), reminders::remind(&portal.pool, &mailer, at));
        let queued = [first.expect("first"), second.expect("second")];
        assert_eq!(mails(&portal, "R1").await.len(), 5, "one 7-day reminder: {queued:?}");
    }
);

on_both_databases!(a_subscription_license_gets_no_term_reminder, |portal: common::TestPortal| async move {
    // Arrange: a monthly subscription: its license ends within the month (plus grace days).
    common::subscriptions::monthly_plans(&portal).await;
    let mailer = Mailer::from_config(&portal.config).with_public_url(&portal.url);
    let contoso = common::subscriptions::customer_id(&portal, "it@contoso.example").await;
    let form = subscriptions::StartForm {
        customer_id: &tessera_portal::domain::CustomerId::new(contoso),
        sku: "LED-STD-1M",
        quantity: 2,
        trial: false,
        payment_method: tessera_portal::domain::PaymentMethod::BankTransfer,
        today: chrono::Utc::now().date_naive(),
        prefix: "JWT",
    };
    let started = subscriptions::start(&portal.pool, &mailer, &Actor::cli(), &form).await.expect("started");
    let serial = started.serial.to_string();
    let end = expires_at(&portal, &serial).await;

    // Act: the reminders job a week before the license's end, and on the day after it.
    for at in [end - 7 * DAY + 60, end + DAY] {
        reminders::remind(&portal.pool, &mailer, at).await.expect("a round");
    }

    // Assert: nothing about its term: the subscription says what happens.
    assert_eq!(mails(&portal, &serial).await, Vec::<(String, String)>::new());
});
