//! Cards through Stripe's wire format, against a fake Stripe on loopback, on both databases: a
//! customer adds a card on the provider's page and comes back; the period is charged to it;
//! more users are charged before they are given — a provider that does not answer in time, or
//! answers 500, leaves the subscription as it was and says so, and the same change again is
//! charged once; a declined card changes nothing; the last card of a card subscription stays;
//! a webhook is taken only with the endpoint's signature.

mod common;

use common::fake_stripe::{self, DECLINED, FakeStripe, Fault};
use common::subscriptions::{customer_id, monthly_plans, shop_token};
use common::web::Visitor;
use common::{Db, TestPortal};
use reqwest::StatusCode;
use serde_json::{Value, json};

const CONTOSO: &str = "it@contoso.example";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cards_on_sqlite() {
    journey(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cards_on_postgres() {
    journey(Db::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn buying_by_card_on_sqlite() {
    buying(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn buying_by_card_on_postgres() {
    buying(Db::Postgres).await;
}

async fn journey(db: Db) {
    let stripe = FakeStripe::start().await;
    let Some(portal) = TestPortal::spawn_with(db, |config| {
        config.stripe_secret_key = Some(fake_stripe::SECRET_KEY.into());
        config.stripe_webhook_secret = Some(fake_stripe::WEBHOOK_SECRET.into());
        config.stripe_api_url = stripe.url.clone();
        config.payment_timeout_secs = 1;
    })
    .await
    else {
        return;
    };
    monthly_plans(&portal).await;
    let token = shop_token(&portal).await;
    let contoso = customer_id(&portal, CONTOSO).await;
    let mut customer = Visitor::signed_in(&portal.url, CONTOSO, "JWT20417").await;

    // No card yet; the page may send its form to the provider's pages.
    let page = customer.get("/payment-methods").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"id="no-cards""#), "{}", page.body);

    // Add a card: to the provider's page, filled there, back to the portal, kept.
    let card = add_card(&mut customer, &stripe, "4242424242424242").await;
    assert_eq!(card, "/payment-methods?done=added&card=4242");
    let page = customer.get(&card).await;
    assert_eq!(page.text_of("card-1-name").as_deref(), Some("Visa ending 4242"));
    assert_eq!(page.text_of("card-1-expiry").as_deref(), Some("12/2034"));
    assert!(page.body.contains(r#"id="default-card""#), "the first card is the default");

    // A subscription paid by card: its first period is charged to the card by the renewal round.
    let started = api(
        &portal,
        &token,
        "/api/v1/admin/subscriptions",
        &json!({
        "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 5, "payment_method": "card" }),
    )
    .await;
    let id = started["id"].as_str().expect("id").to_owned();
    let today = chrono::Utc::now().date_naive().to_string();
    let round = common::admin::ok(&portal, &["renew", "--today", &today]).await;
    assert!(round.contains("1 charged to a card"), "{round}");
    let made = stripe.charges();
    assert_eq!((made.len(), made[0].amount, made[0].currency.as_str()), (1, 5000, "eur"), "{made:?}");
    assert_eq!(made[0].key, format!("{id}:{today}:period:1"));
    assert_eq!(paid_by_card(&portal, &made[0].key).await, Some(5000), "the period's order is paid by the card");

    // More users: the provider does not answer in time (the charge is made, its answer lost).
    let preview = api(
        &portal,
        &token,
        &format!("/api/v1/admin/subscriptions/{id}/changes"),
        &json!({ "quantity": 7, "preview": true }),
    )
    .await;
    let due = preview["quote"]["due_now"].as_str().expect("due").to_owned();
    let form = customer.get(&format!("/subscriptions/{id}/users?users=7")).await;
    let version = hidden(&form.body, "version");
    stripe.fail_next(Fault::Slow);
    let fields = [("csrf", form.csrf()), ("users", "7".to_owned()), ("version", version.clone())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let slow = customer.post(&format!("/subscriptions/{id}/users"), &fields).await;
    assert_eq!(slow.status, StatusCode::SERVICE_UNAVAILABLE, "{}", slow.body);
    assert!(
        slow.text_of("problem")
            .is_some_and(|p| p.contains("did not answer in time") && p.contains("Nothing was changed")),
        "{:?}",
        slow.text_of("problem")
    );
    assert_eq!(users(&mut customer).await, 5, "the subscription is unchanged");
    assert_eq!(stripe.charges().len(), 2, "the provider made the charge whose answer was lost");

    // The same change again: charged once (the same key is replayed), made, its order paid.
    let again = customer.post(&format!("/subscriptions/{id}/users"), &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let made = stripe.charges();
    assert_eq!(made.len(), 2, "one charge for the change: {made:?}");
    assert_eq!(format!("{}.{:02}", made[1].amount / 100, made[1].amount % 100), due, "the preview is what is charged");
    assert_eq!(stripe.charge_requests(), 3, "asked three times in all");
    assert_eq!(paid_by_card(&portal, &made[1].key).await, Some(made[1].amount));
    assert_eq!(users(&mut customer).await, 7);

    // A 500: unchanged, nothing charged; again: charged.
    let form = customer.get(&format!("/subscriptions/{id}/users?users=9")).await;
    let fields = [("csrf", form.csrf()), ("users", "9".to_owned()), ("version", hidden(&form.body, "version"))];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    stripe.fail_next(Fault::ServerError);
    let broken = customer.post(&format!("/subscriptions/{id}/users"), &fields).await;
    assert_eq!(broken.status, StatusCode::SERVICE_UNAVAILABLE, "{}", broken.body);
    assert_eq!((users(&mut customer).await, stripe.charges().len()), (7, 2));
    let again = customer.post(&format!("/subscriptions/{id}/users"), &fields).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert_eq!((users(&mut customer).await, stripe.charges().len()), (9, 3));

    // A declined card as the default: the change is refused, nothing changes or is charged.
    let added = add_card(&mut customer, &stripe, DECLINED).await;
    assert_eq!(added, "/payment-methods?done=added&card=0002");
    let page = customer.get("/payment-methods").await;
    let declined_card = card_id(&page.body, 2);
    let made_default =
        customer.post(&format!("/payment-methods/{declined_card}/default"), &[("csrf", &page.csrf())]).await;
    assert_eq!(made_default.location.as_deref(), Some("/payment-methods?done=default"));
    let form = customer.get(&format!("/subscriptions/{id}/users?users=10")).await;
    let fields = [("csrf", form.csrf()), ("users", "10".to_owned()), ("version", hidden(&form.body, "version"))];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let declined = customer.post(&format!("/subscriptions/{id}/users"), &fields).await;
    assert_eq!(declined.status, StatusCode::PAYMENT_REQUIRED, "{}", declined.body);
    assert!(
        declined
            .text_of("problem")
            .is_some_and(|p| p.contains("ending 0002 was declined") && p.contains("Your card was declined.")),
        "{:?}",
        declined.text_of("problem")
    );
    assert_eq!((users(&mut customer).await, stripe.charges().len()), (9, 3));

    // Remove the declined card (the other becomes the default), then the last one: refused.
    let page = customer.get("/payment-methods").await;
    let removed = customer.post(&format!("/payment-methods/{declined_card}/remove"), &[("csrf", &page.csrf())]).await;
    assert_eq!(removed.location.as_deref(), Some("/payment-methods?done=removed"));
    assert_eq!(stripe.detached().len(), 1, "forgotten at the provider too");
    let page = customer.get("/payment-methods").await;
    assert!(
        page.body.contains(r#"id="default-card""#) && page.text_of("card-1-name").is_some_and(|r| r.contains("4242"))
    );
    let last = card_id(&page.body, 1);
    let refused = customer.post(&format!("/payment-methods/{last}/remove"), &[("csrf", &page.csrf())]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.text_of("problem").is_some_and(|p| p.contains("only card")), "{:?}", refused.text_of("problem"));

    // Another customer cannot finish Contoso's card page, nor make Contoso's card theirs.
    let page = customer.get("/payment-methods").await;
    let leaving = customer.post("/payment-methods/add", &[("csrf", &page.csrf())]).await;
    let provider_page = leaving.location.expect("to the provider");
    let session = provider_page.rsplit('/').next().expect("a session").to_owned();
    let mut northwind = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT19").await;
    let stolen = northwind.get(&format!("/payment-methods/added?session={session}")).await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND);
    let theirs = northwind.get("/payment-methods").await.csrf();
    let taken = northwind.post(&format!("/payment-methods/{last}/default"), &[("csrf", &theirs)]).await;
    assert_eq!(taken.status, StatusCode::NOT_FOUND);

    // The webhook: refused without the endpoint's signature, or with one body byte changed; with it, the card is kept once.
    fill_provider_page(&stripe, &provider_page, "5555555555554444").await;
    let (body, signature) = FakeStripe::completed_event(&session, "whsec_someone_else");
    let forged = webhook(&portal, &body, &signature).await;
    assert_eq!(forged.0, StatusCode::BAD_REQUEST, "{:?}", forged.1);
    let (body, signature) = FakeStripe::completed_event(&session, fake_stripe::WEBHOOK_SECRET);
    let mut tampered = body.clone().into_bytes();
    let at = body.find("setup").expect("the mode");
    tampered[at] = b'S'; // "setup" → "Setup"
    let changed = webhook(&portal, std::str::from_utf8(&tampered).expect("text"), &signature).await;
    assert_eq!(changed.0, StatusCode::BAD_REQUEST, "byte {at} changed: {:?}", changed.1);
    let taken = webhook(&portal, &body, &signature).await;
    assert_eq!((taken.0, taken.1["outcome"].as_str()), (StatusCode::OK, Some("card_added")));
    let back = customer.get(&format!("/payment-methods/added?session={session}")).await;
    assert_eq!(back.location.as_deref(), Some("/payment-methods?done=added&card=4444"), "the return finds it kept");
    let kept: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM cards WHERE customer_id = $1 AND removed_at IS NULL")
        .bind(&contoso)
        .fetch_one(&portal.pool)
        .await
        .expect("count");
    assert_eq!(kept, 2, "the webhook and the return kept one card");
}

/// Buy now from a trial, paid by card from today: refused without a card, the form kept; with
/// one, the first period is charged to it once, at the price the page showed, the billing data
/// kept for the invoices.
async fn buying(db: Db) {
    let stripe = FakeStripe::start().await;
    let Some(portal) = TestPortal::spawn_with(db, |config| {
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
    let contoso = customer_id(&portal, CONTOSO).await;
    let trial = api(
        &portal,
        &token,
        "/api/v1/admin/subscriptions",
        &json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 3, "trial": true }),
    )
    .await;
    let id = trial["id"].as_str().expect("id").to_owned();
    let mut customer = Visitor::signed_in(&portal.url, CONTOSO, "JWT20417").await;

    // No card on file: the card choice says so and links to Payment methods.
    let path = format!("/subscriptions/{id}/buy?users=4&plan=LED-STD-1M&start=now");
    let page = customer.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(r#"id="add-card-first""#), "{}", page.body);
    let confirm = |page: &common::web::Page, company: &str, vat_id: &str, method: &str| {
        vec![
            ("csrf", page.csrf()),
            ("users", "4".to_owned()),
            ("plan", "LED-STD-1M".to_owned()),
            ("start", "now".to_owned()),
            ("version", hidden(&page.body, "version")),
            ("company", company.to_owned()),
            ("address", "1 Harbour Street".to_owned()),
            ("city", "Dublin".to_owned()),
            ("country", "Ireland".to_owned()),
            ("vat_id", vat_id.to_owned()),
            ("method", method.to_owned()),
        ]
    };
    let fields = confirm(&page, "Contoso Ireland Ltd", "ie 6388047 v", "card");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.text_of("problem").is_some_and(|p| p.contains("no card is on file")), "{}", refused.body);
    assert!(refused.body.contains(r#"value="Contoso Ireland Ltd""#), "the form comes back as typed");
    assert!(stripe.charges().is_empty());

    // A VAT id that is none, and an empty company: refused, nothing bought.
    let fields = confirm(&page, "Contoso Ireland Ltd", "IE!", "bank_transfer");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.text_of("problem").is_some_and(|p| p.contains("“IE!” is not a VAT id")), "{}", refused.body);
    let fields = confirm(&page, "  ", "", "bank_transfer");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert!(refused.text_of("problem").is_some_and(|p| p.contains("company name is empty")), "{}", refused.body);
    let orders = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM orders WHERE subscription_id = $1")
            .bind(&id)
            .fetch_one(&portal.pool)
            .await
            .expect("orders")
    };
    assert_eq!(orders().await, 0, "nothing bought");

    // With a card: charged at once what the page said, once, the order paid by the card.
    add_card(&mut customer, &stripe, "4242424242424242").await;
    let page = customer.get(&path).await;
    let due = page.text_of("quote-due").unwrap_or_default();
    assert!(page.body.contains(r#"id="method-card""#) && !page.body.contains(r#"id="add-card-first""#));
    let fields = confirm(&page, "Contoso Ireland Ltd", "ie 6388047 v", "card");
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let bought = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    assert_eq!(bought.status, StatusCode::SEE_OTHER, "{}", bought.body);
    let made = stripe.charges();
    assert_eq!(made.len(), 1, "{made:?}");
    let shown = format!("€{}.{:02}", made[0].amount / 100, made[0].amount % 100);
    assert!(due.contains(&shown), "charged {shown}, the page said {due}");
    assert_eq!(paid_by_card(&portal, &made[0].key).await, Some(made[0].amount), "its order is paid by the card");
    let again = customer.post(&format!("/subscriptions/{id}/buy"), &fields).await;
    assert_ne!(again.status, StatusCode::SEE_OTHER, "bought once");
    assert_eq!((stripe.charges().len(), orders().await), (1, 1), "charged once");

    // The billing data is the customer's now, the VAT id as invoices print it.
    let (company, address, vat_id): (String, String, Option<String>) =
        sqlx::query_as("SELECT company, address, vat_id FROM customers WHERE id = $1")
            .bind(&contoso)
            .fetch_one(&portal.pool)
            .await
            .expect("the customer");
    assert_eq!(
        (company.as_str(), address.as_str(), vat_id.as_deref()),
        ("Contoso Ireland Ltd", "1 Harbour Street", Some("IE6388047V"))
    );
    let method: String = sqlx::query_scalar("SELECT payment_method FROM subscriptions WHERE id = $1")
        .bind(&id)
        .fetch_one(&portal.pool)
        .await
        .expect("the subscription");
    assert_eq!(method, "card", "its periods are charged to the card from now on");
}

/// Adds a card with `number` as the customer would: "Add a card", the provider's page, back.
/// Answers where the portal sends the customer at last.
async fn add_card(customer: &mut Visitor, stripe: &FakeStripe, number: &str) -> String {
    let page = customer.get("/payment-methods").await;
    let leaving = customer.post("/payment-methods/add", &[("csrf", &page.csrf())]).await;
    assert_eq!(leaving.status, StatusCode::SEE_OTHER, "{}", leaving.body);
    let provider_page = leaving.location.expect("to the provider's page");
    assert!(provider_page.starts_with(&format!("{}/pay/", stripe.url)), "{provider_page}");
    let back = fill_provider_page(stripe, &provider_page, number).await;
    let path =
        back.split_once("://").and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_owned())).expect("a path");
    let returned = customer.get(&path).await;
    assert_eq!(returned.status, StatusCode::SEE_OTHER, "{}", returned.body);
    returned.location.expect("to the cards")
}

/// Fills the provider's card page; answers where it sends the customer back.
async fn fill_provider_page(stripe: &FakeStripe, page: &str, number: &str) -> String {
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let filled = client
        .get(format!("{page}?number={number}&exp_month=12&exp_year=2034"))
        .send()
        .await
        .expect("the provider's page");
    assert_eq!(filled.status(), StatusCode::SEE_OTHER, "{}", stripe.url);
    filled.headers()["location"].to_str().expect("a location").to_owned()
}

async fn webhook(portal: &TestPortal, body: &str, signature: &str) -> (StatusCode, Value) {
    let response = portal
        .client
        .post(format!("{}/api/v1/payments/stripe", portal.url))
        .header("stripe-signature", signature)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("webhook");
    (response.status(), response.json().await.unwrap_or(Value::Null))
}

async fn api(portal: &TestPortal, token: &str, path: &str, body: &Value) -> Value {
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

/// The users the customer's (only) subscription has now, as their page shows them.
async fn users(customer: &mut Visitor) -> i64 {
    let list = customer.get("/subscriptions").await;
    list.text_of("users-1")
        .and_then(|users| users.trim().parse().ok())
        .unwrap_or_else(|| panic!("users in {}", list.body))
}

/// The amount of the card payment recorded under idempotency key `key`, its order paid.
async fn paid_by_card(portal: &TestPortal, key: &str) -> Option<i64> {
    sqlx::query_scalar(
        "SELECT p.amount_minor FROM payments p JOIN orders o ON o.id = p.order_id \
         WHERE p.idempotency_key = $1 AND p.method = 'card' AND o.status = 'paid'",
    )
    .bind(key)
    .fetch_optional(&portal.pool)
    .await
    .expect("query")
}

/// The id of the `n`th card on the payment methods page (from its forms).
fn card_id(body: &str, n: usize) -> String {
    let row = body.split(&format!(r#"id="card-{n}""#)).nth(1).expect("the card's row");
    let start = row.find("/payment-methods/").expect("a form") + "/payment-methods/".len();
    row[start..].split('/').next().expect("an id").to_owned()
}

/// The value of the hidden field `name` in the page's first form that has one.
fn hidden(body: &str, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = body.find(&marker).unwrap_or_else(|| panic!("a field {name}")) + marker.len();
    body[start..].split('"').next().expect("a value").to_owned()
}
