//! The back office's subscriptions, on both databases: staff list every customer's (filtered by
//! status, searched by customer, with the dunning state of an unpaid period), open one with its
//! changes and orders, change it on the customer's behalf at the price the customer's own page
//! shows, end it now with the unused part refunded as tessera-billing computes it (a refund is
//! the admin role's: support is refused), and quote on a page what `billing quote` answers.

mod common;

use std::io::Write as _;
use std::process::{Command, Stdio};

use common::staff::{self, act};
use common::subscriptions::{customer_id, monthly_plans, shop_token};
use common::web::{Visitor, unescape};
use reqwest::StatusCode;
use serde_json::{Value, json};

const PASSWORD: &str = "staff horse battery";
const CONTOSO: &str = "it@contoso.example";
const NORTHWIND: &str = "demo@northwind.example";

async fn api(portal: &common::TestPortal, token: &str, path: &str, body: &Value) -> Value {
    let response = portal
        .client
        .post(format!("{}{path}", portal.url))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .expect("request");
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.expect("JSON")
}

/// Starts a subscription of `quantity` users of Standard monthly for the customer; its id.
async fn subscribe(portal: &common::TestPortal, token: &str, email: &str, quantity: i64, trial: bool) -> String {
    let customer = customer_id(portal, email).await;
    let body = json!({ "customer_id": customer, "sku": "LED-STD-1M", "quantity": quantity, "trial": trial });
    let started = api(portal, token, "/api/v1/admin/subscriptions", &body).await;
    started["id"].as_str().expect("an id").to_owned()
}

async fn signed_in(portal: &common::TestPortal, email: &str, role: &str) -> Visitor {
    let (created, out) = staff::create_staff(portal, email, role, PASSWORD);
    assert!(created, "{out}");
    staff::signed_in_staff(portal, email, PASSWORD).await
}

/// The markup of the element with `id` up to its closing tag `end`.
fn block<'a>(body: &'a str, id: &str, end: &str) -> &'a str {
    let start = body.find(&format!(r#"id="{id}""#)).unwrap_or_else(|| panic!("an element {id}"));
    let stop = start + body[start..].find(end).expect("its end");
    &body[start..stop]
}

/// The value of the hidden field `name` in the page's first form that has one.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = body.find(&marker).unwrap_or_else(|| panic!("a field {name}")) + marker.len();
    body[start..].split('"').next().expect("a value").to_owned()
}

on_both_databases!(
    staff_list_open_and_change_subscriptions_on_the_customers_behalf,
    |portal: common::TestPortal| async move {
        // Arrange: Contoso pays 5 users monthly by transfer (its first order unpaid), Northwind is
        // in a trial; a member of staff with the admin role.
        monthly_plans(&portal).await;
        let token = shop_token(&portal).await;
        let contoso = subscribe(&portal, &token, CONTOSO, 5, false).await;
        let northwind = subscribe(&portal, &token, NORTHWIND, 2, true).await;
        let mut boss = signed_in(&portal, "boss@acme.example", "admin").await;

        // The list: both; Contoso's unpaid period with its dunning state.
        let list = boss.get("/admin/subscriptions").await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert!(list.body.contains(r#"id="nav-subscriptions""#), "in the nav");
        for id in [&contoso, &northwind] {
            assert!(list.body.contains(&format!(r#"id="subscription-{id}""#)), "{id} listed");
        }
        assert_eq!(list.text_of(&format!("users-{contoso}")).as_deref(), Some("5"));
        let dunning = list.text_of(&format!("dunning-{contoso}")).expect("Contoso's period is unpaid");
        assert!(dunning.contains("0 days past due") && dunning.contains("suspended on"), "{dunning}");
        assert!(list.text_of(&format!("next-{contoso}")).is_some_and(|n| n.contains("50.00")), "the next charge");

        // Filtered by status, searched by customer; a status that is none is said (400).
        let trials = boss.get("/admin/subscriptions?status=trialing").await;
        assert!(trials.body.contains(&northwind) && !trials.body.contains(&contoso), "trials only");
        let found = boss.get("/admin/subscriptions?q=CONTOSO").await;
        assert!(found.body.contains(&contoso) && !found.body.contains(&northwind), "Contoso only");
        let none = boss.get("/admin/subscriptions?q=%25").await;
        assert!(none.body.contains(r#"id="no-subscriptions""#), "a % is taken literally");
        let bad = boss.get("/admin/subscriptions?status=sleeping").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.text_of("problem").is_some_and(|p| p.contains("sleeping")), "{:?}", bad.text_of("problem"));

        // The customer's page links to it; its page shows the license, the order and no changes.
        let contoso_id = customer_id(&portal, CONTOSO).await;
        let customer_page = boss.get(&format!("/admin/customers/{contoso_id}")).await;
        assert!(customer_page.body.contains(&format!(r#"href="/admin/subscriptions/{contoso}""#)), "linked");
        let detail = boss.get(&format!("/admin/subscriptions/{contoso}")).await;
        assert_eq!(detail.status, StatusCode::OK, "{}", detail.body);
        assert!(detail.body.contains(r#"id="no-changes""#) && detail.body.contains(r#"id="subscription-orders""#));
        assert!(detail.text_of("dunning").is_some(), "the dunning state on its page");
        assert_eq!(boss.get("/admin/subscriptions/sub_nothing").await.status, StatusCode::NOT_FOUND);

        // On the customer's behalf: 7 users cost what the customer's own page says, to the cent.
        let mut customer = Visitor::signed_in(&portal.url, CONTOSO, "JWT20417").await;
        let theirs = customer.get(&format!("/subscriptions/{contoso}/users?users=7")).await;
        let ours = boss.get(&format!("/admin/subscriptions/{contoso}/users?users=7")).await;
        assert_eq!(ours.status, StatusCode::OK, "{}", ours.body);
        let due = block(&theirs.body, "quote-due", "</p>");
        assert!(due.contains("Due today"), "{due}");
        assert_eq!(block(&ours.body, "quote-due", "</p>"), due, "the same preview");
        assert_eq!(block(&ours.body, "quote-then", "</p>"), block(&theirs.body, "quote-then", "</p>"));
        let preview = api(
            &portal,
            &token,
            &format!("/api/v1/admin/subscriptions/{contoso}/changes"),
            &json!({ "quantity": 7, "preview": true }),
        )
        .await;
        let due_now = preview["quote"]["due_now"].as_str().expect("due").to_owned();
        let version = hidden(&ours.body, "version");
        let made = act(
            &mut boss,
            &ours,
            &format!("/admin/subscriptions/{contoso}/users"),
            &[("users", "7"), ("version", &version)],
        )
        .await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        let location = made.location.clone().expect("back to its page");
        assert!(location.starts_with(&format!("/admin/subscriptions/{contoso}?done=users&order=")), "{location}");
        let reference = location.rsplit('=').next().expect("the order").to_owned();
        let total: i64 = sqlx::query_scalar("SELECT total_minor FROM orders WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&portal.pool)
            .await
            .expect("the order");
        assert_eq!(format!("{}.{:02}", total / 100, total % 100), due_now, "charged the preview's amount");
        assert!(due.contains(&due_now), "{due} says {due_now}");

        // Its page: 7 users, the change kept with who made it, the order; the log names staff.
        let after = boss.get(&location).await;
        assert_eq!(after.text_of("users").as_deref(), Some("7"));
        assert!(after.text_of("notice").is_some_and(|n| n.contains(&reference)), "{:?}", after.text_of("notice"));
        assert!(block(&after.body, "history", "</table>").contains("staff:boss@acme.example"));
        assert!(after.body.contains(&format!(r#"id="order-{reference}""#)));
        let actor: String = sqlx::query_scalar(
            "SELECT actor FROM events WHERE kind = 'subscription_changed' AND subject = $1 ORDER BY at DESC, id DESC",
        )
        .bind(&contoso)
        .fetch_one(&portal.pool)
        .await
        .expect("an event");
        assert_eq!(actor, "staff:boss@acme.example");

        // Refusals: the same page confirmed again (stale), and a count that is none.
        let stale = act(
            &mut boss,
            &ours,
            &format!("/admin/subscriptions/{contoso}/users"),
            &[("users", "9"), ("version", &version)],
        )
        .await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        let nonsense = act(
            &mut boss,
            &ours,
            &format!("/admin/subscriptions/{contoso}/users"),
            &[("users", "many"), ("version", &version)],
        )
        .await;
        assert_eq!(nonsense.status, StatusCode::BAD_REQUEST);
        let no_csrf =
            boss.post(&format!("/admin/subscriptions/{contoso}/users"), &[("users", "9"), ("version", &version)]).await;
        assert!(no_csrf.status.is_client_error(), "no CSRF token: {}", no_csrf.status);

        // Cancel at the period's end, then Resume, on the customer's behalf.
        let cancel = boss.get(&format!("/admin/subscriptions/{contoso}/cancel")).await;
        assert!(
            cancel.text_of("quote-cancel").is_some_and(|t| t.contains("access ends on")),
            "{:?}",
            cancel.text_of("quote-cancel")
        );
        let cancelled = act(
            &mut boss,
            &cancel,
            &format!("/admin/subscriptions/{contoso}/cancel"),
            &[("version", &hidden(&cancel.body, "version"))],
        )
        .await;
        assert_eq!(cancelled.location, Some(format!("/admin/subscriptions/{contoso}?done=cancel")));
        let page = boss.get(&format!("/admin/subscriptions/{contoso}")).await;
        assert!(page.text_of("status").is_some_and(|s| s.contains("Cancelled")));
        let resumed = act(
            &mut boss,
            &page,
            &format!("/admin/subscriptions/{contoso}/resume"),
            &[("version", &hidden(&page.body, "version"))],
        )
        .await;
        assert_eq!(resumed.location, Some(format!("/admin/subscriptions/{contoso}?done=resume")));
        assert!(customer.get("/subscriptions").await.text_of("status-1").is_some_and(|s| s.contains("Active")));
    }
);

on_both_databases!(cancel_now_ends_the_license_and_refunds_the_unused_part, |portal: common::TestPortal| async move {
    // Arrange: Contoso's 5 users, the first period paid by transfer (EUR 50.00).
    monthly_plans(&portal).await;
    let token = shop_token(&portal).await;
    let id = subscribe(&portal, &token, CONTOSO, 5, false).await;
    let reference: String = sqlx::query_scalar("SELECT reference FROM orders WHERE subscription_id = $1")
        .bind(&id)
        .fetch_one(&portal.pool)
        .await
        .expect("the first period's order");
    common::admin::ok(
        &portal,
        &["record-payment", "--order", &reference, "--amount", "50.00", "--bank-reference", "T-1"],
    )
    .await;
    let (start, end): (String, String) =
        sqlx::query_as("SELECT period_start, period_end FROM subscriptions WHERE id = $1")
            .bind(&id)
            .fetch_one(&portal.pool)
            .await
            .expect("its period");
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day");
    let eur = tessera_billing::Currency::parse("EUR").expect("EUR");
    let standing = tessera_billing::Standing {
        period: tessera_billing::Period {
            start: day(&start),
            end: day(&end),
            days: (day(&end) - day(&start)).num_days(),
        },
        interval: tessera_billing::Interval::Month,
        plan: tessera_billing::Plan {
            id: "LED-STD-1M".into(),
            unit_price: tessera_billing::Money::parse("10.00", eur).expect("price"),
        },
        quantity: 5,
    };
    let today = chrono::Utc::now().date_naive();
    let expected =
        tessera_billing::unused_refund(&standing, today, tessera_billing::Money::parse("50.00", eur).expect("paid"))
            .expect("a refund")
            .decimal();

    // Support sees what it would give back, without the choice, and is refused a refund (403).
    let mut support = signed_in(&portal, "help@acme.example", "support").await;
    let page = support.get(&format!("/admin/subscriptions/{id}/end")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(r#"id="refund-not-yours""#) && !page.body.contains(r#"id="refund""#));
    let version = hidden(&page.body, "version");
    let refused =
        act(&mut support, &page, &format!("/admin/subscriptions/{id}/end"), &[("version", &version), ("refund", "1")])
            .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let status: String = sqlx::query_scalar("SELECT status FROM subscriptions WHERE id = $1")
        .bind(&id)
        .fetch_one(&portal.pool)
        .await
        .expect("status");
    assert_eq!(status, "active", "nothing done");

    // The admin role: the confirm page shows tessera-billing's amount, confirmed with a refund.
    let mut boss = signed_in(&portal, "boss@acme.example", "admin").await;
    let page = boss.get(&format!("/admin/subscriptions/{id}/end")).await;
    assert!(page.text_of("end-paid").is_some_and(|t| t.contains("50.00")), "{:?}", page.text_of("end-paid"));
    let shown = block(&page.body, "end-refund", "</p>");
    assert!(shown.contains(&expected), "{expected} in {shown}");
    let stale =
        act(&mut boss, &page, &format!("/admin/subscriptions/{id}/end"), &[("version", "999"), ("refund", "1")]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "a page of another version");
    assert!(
        stale.text_of("problem").is_some_and(|p| p.contains("changed meanwhile")),
        "{:?}",
        stale.text_of("problem")
    );
    let ended = act(
        &mut boss,
        &page,
        &format!("/admin/subscriptions/{id}/end"),
        &[("version", &version), ("refund", "1"), ("reason", "moved to another product")],
    )
    .await;
    assert_eq!(ended.location, Some(format!("/admin/subscriptions/{id}?done=ended")), "{}", ended.body);

    // Ended with its license, the refund recorded in the log with who did it.
    let (status, license_ends): (String, i64) = sqlx::query_as(
        "SELECT s.status, l.expires_at FROM subscriptions s JOIN licenses l ON l.id = s.license_id WHERE s.id = $1",
    )
    .bind(&id)
    .fetch_one(&portal.pool)
    .await
    .expect("the subscription");
    assert_eq!(status, "ended");
    assert!(license_ends <= chrono::Utc::now().timestamp(), "the license ended");
    let (actor, after): (String, String) = sqlx::query_as(
        "SELECT actor, after_state FROM events WHERE kind = 'subscription_changed' AND subject = $1 ORDER BY at DESC, id DESC",
    )
    .bind(&id)
    .fetch_one(&portal.pool)
    .await
    .expect("the event");
    let after: Value = serde_json::from_str(&after).expect("JSON");
    assert_eq!(actor, "staff:boss@acme.example");
    assert_eq!((after["change"].as_str(), after["refund"].as_str()), (Some("cancel_now"), Some(expected.as_str())));
    assert_eq!(after["refund_by"], "bank_transfer");
    let detail = boss.get(&format!("/admin/subscriptions/{id}?done=ended")).await;
    assert!(detail.text_of("notice").is_some() && !detail.body.contains(r#"id="cancel-now""#));

    // Once ended: no second end (400), and its changes are refused as the customer's are.
    let again = boss.get(&format!("/admin/subscriptions/{id}/end")).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(again.text_of("notice").is_some_and(|t| t.contains("ended already")), "{:?}", again.text_of("notice"));
    assert_eq!(boss.get(&format!("/admin/subscriptions/{id}/users?users=6")).await.status, StatusCode::BAD_REQUEST);
});

/// `tessera-portal billing quote` with `input` on stdin: its status, stdout and stderr.
fn cli_quote(input: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tessera-portal"))
        .args(["billing", "quote"])
        .env("TESSERA_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tessera-portal runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("written");
    let output = child.wait_with_output().expect("it ends");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (output.status.code(), text(&output.stdout), text(&output.stderr))
}

on_both_databases!(the_quote_page_answers_what_billing_quote_answers, |portal: common::TestPortal| async move {
    // Arrange: five Pro users, two more on the 10th, Business from the 20th (BILLING.md).
    let mut support = signed_in(&portal, "help@acme.example", "support").await;
    let form = support.get("/admin/quote").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let fields = [
        ("currency", "EUR"),
        ("interval", "month"),
        ("anchor", "2027-03-01"),
        ("plan", "pro"),
        ("price", "10.00"),
        ("quantity", "5"),
        ("invoiced", ""),
        ("c0_at", "2027-03-10"),
        ("c0_kind", "quantity"),
        ("c0_quantity", "7"),
        ("c1_at", "2027-03-20"),
        ("c1_kind", "plan"),
        ("c1_plan", "business"),
        ("c1_price", "20.00"),
    ];
    let request = json!({"currency": "EUR", "interval": "month", "anchor": "2027-03-01",
        "plan": {"id": "pro", "unit_price": "10.00"}, "quantity": 5,
        "changes": [{"at": "2027-03-10", "quantity": 7},
                    {"at": "2027-03-20", "plan": {"id": "business", "unit_price": "20.00"}}]});

    // Act: the page and the command, on the same request.
    let page = act(&mut support, &form, "/admin/quote", &fields).await;
    let (code, stdout, stderr) = cli_quote(&request.to_string());

    // Assert: the same JSON, and the table holds its figures.
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(code, Some(0), "{stderr}");
    let shown = unescape(block(&page.body, "answer-json", "</pre>").split_once('>').expect("the JSON").1);
    assert_eq!(shown.trim(), stdout.trim(), "the page answers as the command");
    let answer: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(page.text_of("answer-due").as_deref(), answer["due_now"].as_str());
    assert!(
        page.text_of("answer-next")
            .is_some_and(|n| n.contains(answer["next_period"]["total"].as_str().expect("total")))
    );
    for line in answer["changes"][1]["lines"].as_array().expect("lines") {
        assert!(page.body.contains(line["amount"].as_str().expect("amount")), "{line}");
    }

    // Bad input: the command's message naming the field, the form as typed (400).
    let mut bad = fields.to_vec();
    bad[9] = ("c0_quantity", "lots");
    let refused = act(&mut support, &form, "/admin/quote", &bad).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let problem = refused.text_of("problem").expect("why");
    let (code, _, stderr) = cli_quote(&request.to_string().replace(r#""quantity":7"#, r#""quantity":"lots""#));
    assert_eq!(code, Some(2));
    let message = stderr.trim().trim_start_matches("tessera-portal: ");
    assert!(message.starts_with("changes[0].quantity:"), "{message}");
    assert!(problem.contains(message), "{problem} says {message}");
    assert!(refused.body.contains(r#"name="c0_quantity" value="lots""#), "refilled");
    let no_csrf = support.post("/admin/quote", &fields).await;
    assert!(no_csrf.status.is_client_error(), "no CSRF token: {}", no_csrf.status);
});

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cancel_now_refunds_a_card_on_sqlite() {
    cancel_now_refunds_a_card(common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cancel_now_refunds_a_card_on_postgres() {
    cancel_now_refunds_a_card(common::Db::Postgres).await;
}

/// A card subscription's period charged by the renewal round, then ended now by staff with the
/// refund: the provider is asked to refund tessera-billing's amount of that very charge.
async fn cancel_now_refunds_a_card(db: common::Db) {
    use common::fake_stripe::{self, FakeStripe};

    // Arrange: Contoso's card on the fake Stripe, 5 users paid by it for the period.
    let stripe = FakeStripe::start().await;
    let Some(portal) = common::TestPortal::spawn_with(db, |config| {
        config.stripe_secret_key = Some(fake_stripe::SECRET_KEY.into());
        config.stripe_webhook_secret = Some(fake_stripe::WEBHOOK_SECRET.into());
        config.stripe_api_url = stripe.url.clone();
    })
    .await
    else {
        return;
    };
    monthly_plans(&portal).await;
    let token = shop_token(&portal).await;
    let mut customer = Visitor::signed_in(&portal.url, CONTOSO, "JWT20417").await;
    let cards = customer.get("/payment-methods").await;
    let leaving = customer.post("/payment-methods/add", &[("csrf", &cards.csrf())]).await;
    let provider_page = leaving.location.expect("to the provider's page");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let filled = client
        .get(format!("{provider_page}?number=4242424242424242&exp_month=12&exp_year=2034"))
        .send()
        .await
        .expect("the provider's page");
    let back = filled.headers()["location"].to_str().expect("back").to_owned();
    let path =
        back.split_once("://").and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_owned())).expect("a path");
    assert_eq!(customer.get(&path).await.status, StatusCode::SEE_OTHER, "the card is kept");
    let contoso = customer_id(&portal, CONTOSO).await;
    let body = json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 5, "payment_method": "card" });
    let id = api(&portal, &token, "/api/v1/admin/subscriptions", &body).await["id"].as_str().expect("id").to_owned();
    let today = chrono::Utc::now().date_naive();
    common::admin::ok(&portal, &["renew", "--today", &today.to_string()]).await;
    let charged = stripe.charges();
    assert_eq!(charged.len(), 1, "the period is charged to the card: {charged:?}");

    // Act: the admin ends it now with the refund.
    let mut boss = signed_in(&portal, "boss@acme.example", "admin").await;
    let page = boss.get(&format!("/admin/subscriptions/{id}/end")).await;
    assert!(block(&page.body, "end-refund", "</p>").contains("given back to the card"), "{}", page.body);
    let version = hidden(&page.body, "version");
    let ended =
        act(&mut boss, &page, &format!("/admin/subscriptions/{id}/end"), &[("version", &version), ("refund", "1")])
            .await;
    assert_eq!(ended.location, Some(format!("/admin/subscriptions/{id}?done=ended")), "{}", ended.body);

    // Assert: the provider refunded tessera-billing's amount of the period's charge, once.
    let (start, end): (String, String) =
        sqlx::query_as("SELECT period_start, period_end FROM subscriptions WHERE id = $1")
            .bind(&id)
            .fetch_one(&portal.pool)
            .await
            .expect("its period");
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a day");
    let eur = tessera_billing::Currency::parse("EUR").expect("EUR");
    let standing = tessera_billing::Standing {
        period: tessera_billing::Period {
            start: day(&start),
            end: day(&end),
            days: (day(&end) - day(&start)).num_days(),
        },
        interval: tessera_billing::Interval::Month,
        plan: tessera_billing::Plan {
            id: "LED-STD-1M".into(),
            unit_price: tessera_billing::Money::from_minor(1000, eur),
        },
        quantity: 5,
    };
    let expected = tessera_billing::unused_refund(&standing, today, tessera_billing::Money::from_minor(5000, eur))
        .expect("refund");
    assert_eq!(stripe.refunds(), vec![(charged[0].id.clone(), expected.minor())]);
    let (actor, after): (String, String) = sqlx::query_as(
        "SELECT actor, after_state FROM events WHERE kind = 'subscription_changed' AND subject = $1 ORDER BY at DESC, id DESC",
    )
    .bind(&id)
    .fetch_one(&portal.pool)
    .await
    .expect("the event");
    let after: Value = serde_json::from_str(&after).expect("JSON");
    assert_eq!((actor.as_str(), after["refund_by"].as_str()), ("staff:boss@acme.example", Some("card")));
    assert_eq!(after["refunds"].as_array().map(Vec::len), Some(1), "{after}");
}
