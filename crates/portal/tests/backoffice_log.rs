//! The back office's event log and mail outbox: support and admins read the log newest first,
//! filter it by kind, serial, actor, customer and days (a bad filter is said, 400), export the
//! same selection as CSV (quoted, formulas defused); the outbox lists a failed mail without its
//! body, and Resend queues it again once.

mod common;

use std::time::Duration;

use common::admin::ok;
use common::staff::{create_staff, signed_in_staff};
use common::web::{Page, Visitor, unescape};
use reqwest::StatusCode;
use tessera_portal::domain::Actor;
use tessera_portal::services::customers::{self, CustomerForm};

const PASSWORD: &str = "staff horse battery";

/// One row of the log's table: kind code, actor, subject.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    kind: String,
    actor: String,
    subject: String,
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).map_or(text.len(), |i| i + start.len());
    let rest = &text[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// The rows of the log's table, top to bottom.
fn rows(page: &Page) -> Vec<Row> {
    page.body
        .split(r#"<tr id="event-"#)
        .skip(1)
        .map(|row| Row {
            kind: between(row, r#"data-kind=""#, "\"").to_owned(),
            actor: unescape(between(row, r#"<td class="wrap">"#, "<").trim()),
            subject: unescape(between(row, r#"<td class="serial wrap">"#, "<").trim()),
        })
        .collect()
}

async fn log(staff: &mut Visitor, query: &str) -> Vec<Row> {
    let page = staff.get(&format!("/admin/events?{query}")).await;
    assert_eq!(page.status, StatusCode::OK, "{query}: {}", page.body);
    rows(&page)
}

/// Text of the page as read, the numeric references askama writes decoded too.
fn decoded(text: &str) -> String {
    unescape(text).replace("&#60;", "<").replace("&#62;", ">").replace("&#38;", "&")
}

/// Unix seconds of midday UTC on `day`.
fn midday(day: &str) -> i64 {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .expect("a day")
        .and_hms_opt(12, 0, 0)
        .expect("noon")
        .and_utc()
        .timestamp()
}

on_both_databases!(staff_read_the_log_newest_first_filter_it_and_export_it, |portal: common::TestPortal| async move {
    // Arrange: a support person (staff_created by `cli`), a customer whose name looks like a
    // formula with a comma and quotes (customer_added, moved to an old day), P24 suspended
    // (license_status_changed), eleven API tokens; the demo's licenses were issued by `system`.
    assert!(create_staff(&portal, "help@acme.example", "support", PASSWORD).0);
    let company = r#"=2+3, "Quoted" Ltd"#;
    let form = CustomerForm {
        company,
        email: "ops@initech.example",
        country: "IT",
        city: "Rome",
        vat_id: None,
        first_name: "",
        last_name: "",
        manager: "",
        phone: "",
        activation_key: None,
        since: None,
        language: None,
    };
    customers::add(&portal.pool, &Actor::cli(), &form).await.expect("a customer");
    sqlx::query("UPDATE events SET at = $1 WHERE kind = 'customer_added'")
        .bind(midday("2025-06-15"))
        .execute(&portal.pool)
        .await
        .expect("an old day");
    for n in 0..11 {
        ok(&portal, &["api-token", "create", "--name", &format!("shop-{n:02}"), "--scope", "events"]).await;
    }
    ok(&portal, &["set-status", "--serial", "P24", "suspended", "--reason", "Invoice 2026-117 is overdue"]).await;

    // Support and admins see the log, the latest change first, ten a page.
    let mut support = signed_in_staff(&portal, "help@acme.example", PASSWORD).await;
    let mut admin = signed_in_staff(&portal, "admin@acme.example", "demo-admin-password").await;
    for staff in [&mut support, &mut admin] {
        let page = staff.get("/admin/events").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(r#"href="/admin/events" aria-current="page""#), "the menu marks the log");
        let all = rows(&page);
        assert_eq!(all.len(), 10, "{all:?}");
        assert_eq!(
            all[0],
            Row { kind: "license_status_changed".into(), actor: "cli".into(), subject: "P24".into() },
            "newest first"
        );
        assert!(
            page.body.contains("status: active → status: suspended, reason: Invoice 2026-117 is overdue")
                || page.body.contains("reason: Invoice 2026-117 is overdue, status: suspended"),
            "the change, compactly"
        );
    }

    // By kind: eleven tokens on two pages, the pager keeping the filter; the oldest last.
    let first = support.get("/admin/events?kind=api_token_created").await;
    let tokens = rows(&first);
    assert_eq!(tokens.len(), 10);
    assert!(tokens.iter().all(|r| r.kind == "api_token_created"), "{tokens:?}");
    assert_eq!(tokens[0].subject, "shop-10");
    let pager = between(&first.body, r#"class="pager""#, "</nav>").replace("&#38;", "&");
    assert!(
        pager.contains(r#"href="/admin/events?kind=api_token_created&page=2" rel="next""#),
        "the pager keeps the filter: {pager}"
    );
    let second = log(&mut support, "kind=api_token_created&page=2").await;
    assert_eq!(second.iter().map(|r| r.subject.as_str()).collect::<Vec<_>>(), ["shop-00"]);

    // By serial (as typed, in small letters): P24's issue and suspension, nothing of P71.
    let p24 = log(&mut support, "serial=+p24+").await;
    assert_eq!(p24.iter().map(|r| r.kind.as_str()).collect::<Vec<_>>(), ["license_status_changed", "license_issued"]);
    assert!(p24.iter().all(|r| r.subject == "P24"), "{p24:?}");

    // By actor: the shell's changes only, never the demo's (`system`).
    let by_cli = log(&mut support, "actor=cli&kind=staff_created").await;
    assert_eq!(by_cli.len(), 1, "the support person, not the demo's two: {by_cli:?}");
    let by_system = log(&mut support, "actor=system&kind=staff_created").await;
    assert_eq!(by_system.len(), 2, "{by_system:?}");
    assert!(by_system.iter().all(|r| r.actor == "system"));

    // By customer e-mail: Northwind's licenses and suspension, not Contoso's P71.
    let northwind = log(&mut support, "customer=Demo%40Northwind.example").await;
    assert!(northwind.iter().any(|r| r.subject == "P24" && r.kind == "license_status_changed"), "{northwind:?}");
    assert!(!northwind.iter().any(|r| r.subject == "P71"), "{northwind:?}");
    assert!(!northwind.iter().any(|r| r.kind == "api_token_created"), "{northwind:?}");

    // By days: the customer added on 2025-06-15 alone, and the days after it without it.
    let that_day = log(&mut support, "from=2025-06-15&to=2025-06-15").await;
    assert_eq!(that_day.iter().map(|r| r.kind.as_str()).collect::<Vec<_>>(), ["customer_added"]);
    assert_eq!(that_day[0].subject, company);
    let after = log(&mut support, "from=2025-06-16&kind=customer_added").await;
    assert!(after.is_empty(), "{after:?}");
    let before = log(&mut support, "to=2025-06-14").await;
    assert!(before.is_empty(), "{before:?}");

    // Bad filters: the page says which, with 400, never a 500.
    for (query, says) in [
        ("from=2026-13-01", "The first day “2026-13-01” is not a day like 2026-03-01."),
        ("to=yesterday", "The last day “yesterday” is not a day like 2026-03-01."),
        ("from=2026-03-02&to=2026-03-01", "The first day is after the last day."),
        ("kind=order_lost", "“order_lost” is not a kind of event."),
        ("serial=NOPE-1", "No license has the serial “NOPE-1”."),
        ("serial=%3Cb%3E", "No license has the serial “<b>”."),
        ("customer=nobody%40nowhere.example", "No customer has the e-mail or id “nobody@nowhere.example”."),
        ("customer=cus_missing", "No customer has the e-mail or id “cus_missing”."),
    ] {
        let page = support.get(&format!("/admin/events?{query}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(page.text_of("problem").map(|t| decoded(&t)).as_deref(), Some(says), "{query}");
        assert!(!page.body.contains("<b>"), "typed text is escaped");
        assert!(rows(&page).is_empty(), "{query}: no table");
        let csv = support.get(&format!("/admin/events.csv?{query}")).await;
        assert_eq!(csv.status, StatusCode::BAD_REQUEST, "{query} as CSV");
    }

    // The CSV: the same filter, every matching row (not one page), quoted, formulas defused.
    let csv = support.get("/admin/events.csv?actor=cli").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.content_type.as_deref(), Some("text/csv; charset=utf-8"));
    let disposition = csv.disposition.clone().unwrap_or_default();
    assert!(
        disposition.starts_with(r#"attachment; filename="events-"#) && disposition.ends_with(r#".csv""#),
        "{disposition}"
    );
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "id,at,kind,actor,source_ip,customer_id,license_id,order_id,subject,before,after");
    assert_eq!(lines.len(), 1 + 1 + 1 + 11 + 1, "header, staff, customer, eleven tokens, the suspension: {lines:#?}");
    assert!(
        lines[1].contains(",license_status_changed,cli,") && lines[1].contains(",P24,"),
        "newest first: {}",
        lines[1]
    );
    assert!(lines.iter().skip(1).all(|l| l.split(',').nth(3) == Some("cli")), "only the shell's rows");
    let customer = lines.iter().find(|l| l.contains(",customer_added,")).expect("the customer's row");
    assert!(customer.contains(r#","'=2+3, ""Quoted"" Ltd","#), "quoted, with the formula defused: {customer}");
    assert!(customer.contains(",2025-06-15T12:00:00Z,"), "{customer}");
    let narrow = support.get("/admin/events.csv?serial=P24&kind=license_status_changed").await;
    assert_eq!(narrow.body.split("\r\n").filter(|l| !l.is_empty()).count(), 2, "{}", narrow.body);

    // The page's export link carries the filter.
    let page = support.get("/admin/events?kind=license_issued&serial=P30").await;
    let link = between(&page.body, r#"id="events-csv" href=""#, "\"").replace("&#38;", "&");
    assert_eq!(link, "/admin/events.csv?serial=P30&kind=license_issued");
});

/// Runs `$name(portal)` on SQLite and on PostgreSQL with an SMTP server that refuses every
/// connection: every mail stays queued (or fails), never sent.
macro_rules! on_both_databases_with_dead_smtp {
    ($name:ident) => {
        mod runs {
            use super::*;

            async fn with_dead_smtp(db: common::Db) {
                let port = std::net::TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("address");
                let url = format!("smtp://{port}");
                if let Some(portal) = common::TestPortal::spawn_with(db, |config| config.smtp_url = Some(url)).await {
                    $name(portal).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                with_dead_smtp(common::Db::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                with_dead_smtp(common::Db::Postgres).await;
            }
        }
    };
}

/// The queue row of the mail of `kind`: id, status, last error, body.
async fn mail_of(portal: &common::TestPortal, kind: &str) -> (String, String, Option<String>, String) {
    sqlx::query_as("SELECT id, status, last_error, body_text FROM mail_queue WHERE kind = $1")
        .bind(kind)
        .fetch_one(&portal.pool)
        .await
        .expect("the mail")
}

async fn support_sees_a_failed_mail_without_its_body_and_resends_it_once(portal: common::TestPortal) {
    // Arrange: P71 suspended (a mail to Contoso with the reason in its body) and an invitation
    // (a link that signs in); both fail to reach the server, and the suspension is given up on.
    assert!(create_staff(&portal, "help@acme.example", "support", PASSWORD).0);
    let reason = "Invoice 2026-117 is overdue";
    ok(&portal, &["set-status", "--serial", "P71", "suspended", "--reason", reason]).await;
    ok(&portal, &["add-user", "--customer-email", "it@contoso.example", "--email", "anna@contoso.example"]).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while mail_of(&portal, "license_suspended").await.2.is_none() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    sqlx::query("UPDATE mail_queue SET status = 'failed' WHERE kind = 'license_suspended'")
        .execute(&portal.pool)
        .await
        .expect("attempts spent");
    let (id, _, error, body) = mail_of(&portal, "license_suspended").await;
    assert!(body.contains(reason), "the body holds the reason: {body}");
    let error = error.expect("the attempt's error");
    let invitation = mail_of(&portal, "invitation").await.3;
    assert!(invitation.contains("/password/reset/"), "the invitation's body holds its link");

    // The dashboard's failing figure leads to the failed mails.
    let mut support = signed_in_staff(&portal, "help@acme.example", PASSWORD).await;
    let dashboard = support.get("/admin").await;
    let figure = dashboard.body.split(r#"id="figure-mails""#).nth(1).expect("the figure");
    assert!(figure.contains(r#"<a href="/admin/mail?status=failed"><span class="figure">1</span>"#), "{figure:.200}");

    // The outbox: counts, the failed mail with its error and a Resend button, never a body.
    let outbox = support.get("/admin/mail").await;
    assert_eq!(outbox.status, StatusCode::OK);
    let filter = between(&outbox.body, r#"id="mail-filter""#, "</nav>");
    assert!(filter.contains("failed (1)") && filter.contains("All (2)"), "{filter}");
    let row = between(&outbox.body, &format!(r#"<tr id="mail-{id}">"#), "</tr>");
    assert!(row.contains(r#"data-status="failed""#) && row.contains("it@contoso.example"), "{row}");
    assert!(unescape(row).contains(&error), "the last error is shown: {row}");
    assert!(row.contains(&format!(r#"action="/admin/mail/{id}/resend""#)), "a failed mail can be resent: {row}");
    for shown in [&outbox.body, &support.get("/admin/mail?status=failed").await.body] {
        let text = unescape(shown);
        assert!(!text.contains(reason), "no body of the suspension");
        assert!(!text.contains("/password/reset/"), "no body of the invitation");
        for line in body.lines().filter(|l| l.trim().len() > 30) {
            assert!(!text.contains(line.trim()), "a line of the body is shown: {line}");
        }
    }
    let queued = support.get("/admin/mail?status=queued").await;
    assert!(queued.body.contains("anna@contoso.example") && !queued.body.contains(&id), "only the queued mail");
    assert!(!queued.body.contains("/resend\""), "no Resend for a queued mail");
    let bad = support.get("/admin/mail?status=lost").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.text_of("notice").is_some_and(|n| n.contains("“lost” is not a mail status")),
        "{:?}",
        bad.text_of("notice")
    );

    // Without the form's token, nothing happens; with it, the mail is queued again, once.
    let path = format!("/admin/mail/{id}/resend");
    assert_eq!(support.post(&path, &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(mail_of(&portal, "license_suspended").await.1, "failed");
    let csrf = outbox.csrf();
    let done = support.post(&path, &[("csrf", &csrf)]).await;
    assert_eq!((done.status, done.location.as_deref()), (StatusCode::SEE_OTHER, Some("/admin/mail?done=resent")));
    let resent = support.get("/admin/mail?done=resent").await;
    assert_eq!(resent.text_of("notice").as_deref(), Some("The mail is queued again; it goes out within seconds."));
    assert_eq!(support.get("/admin/mail").await.text_of("notice"), None, "said once, after the action");
    let row = between(&resent.body, &format!(r#"<tr id="mail-{id}">"#), "</tr>");
    assert!(row.contains(r#"data-status="queued""#) && !row.contains("/resend\""), "{row}");
    assert_eq!(mail_of(&portal, "license_suspended").await.1, "queued");
    let again = support.post(&path, &[("csrf", &csrf)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        again.text_of("notice").as_deref(),
        Some(format!("Mail {id} is queued: only a failed mail can be sent again.").as_str())
    );
    assert_eq!(support.post("/admin/mail/mail_nothere/resend", &[("csrf", &csrf)]).await.status, StatusCode::NOT_FOUND);

    // The log says who resent it.
    let page = support.get("/admin/events?kind=mail_resent").await;
    let resends = rows(&page);
    assert_eq!(
        resends,
        [Row { kind: "mail_resent".into(), actor: "staff:help@acme.example".into(), subject: id.clone() }]
    );
    let by_contoso = rows(&support.get("/admin/events?customer=it%40contoso.example&kind=mail_resent").await);
    assert_eq!(by_contoso.len(), 1, "the resend is Contoso's: {by_contoso:?}");
}

on_both_databases_with_dead_smtp!(support_sees_a_failed_mail_without_its_body_and_resends_it_once);
