//! A subscription's mails received over a real SMTP server (aiosmtpd on loopback), on both
//! databases, driven with chosen days: trial started and bought (in Italian), users added and
//! reduced, plan changed now and at the period's end, cancelled and resumed, renewed, past due,
//! suspended, ended — each with its figures (amounts, orders, days); a card declined on the
//! period's charge with the next attempt's day and the way to Payment methods; and Contact the
//! store: the message received by the store's address, Reply-To the customer, with the
//! subscription's details, an empty message refused with the form kept, another customer's
//! subscription a 404, five messages an hour.

mod common;

use chrono::NaiveDate;
use common::admin::ok;
use common::fake_stripe::{self, DECLINED, FakeStripe};
use common::smtp::{Received, SmtpServer};
use common::web::Visitor;
use common::{Db, TestPortal};
use reqwest::StatusCode;
use serde_json::json;
use tessera_portal::domain::{Actor, Currency, CustomerId, Money, OrderRef, PaymentMethod};
use tessera_portal::mail::Mailer;
use tessera_portal::services::payments::{self, PaymentForm};
use tessera_portal::services::renewals::{self, Settings};
use tessera_portal::services::subscriptions::{self, BuyForm, ChangeForm, Changed, Request, StartForm};

const STORE: &str = "store@acme.example";

fn on(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("YYYY-MM-DD")
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::parse("EUR").expect("EUR"))
}

/// A portal on `db` whose mail goes to a fresh SMTP server, the store at [`STORE`], its cards
/// (when `stripe` is given) at a fake Stripe; `None` when the server or PostgreSQL is missing
/// (said loudly).
async fn portal(db: Db, stripe: Option<&FakeStripe>) -> Option<(TestPortal, SmtpServer)> {
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tessera-smtp-subs-{}-{db:?}-{n}", std::process::id()));
    let smtp = SmtpServer::start(&dir)?;
    let url = smtp.url();
    let stripe_url = stripe.map(|stripe| stripe.url.clone());
    let portal = TestPortal::spawn_with(db, |config| {
        config.smtp_url = Some(url);
        config.store_email = Some(STORE.into());
        if let Some(stripe_url) = stripe_url {
            config.stripe_secret_key = Some(fake_stripe::SECRET_KEY.into());
            config.stripe_webhook_secret = Some(fake_stripe::WEBHOOK_SECRET.into());
            config.stripe_api_url = stripe_url;
        }
    })
    .await?;
    Some((portal, smtp))
}

/// The `nth` mail to `to` whose subject starts with `subject`, once it arrived.
async fn mail(smtp: &SmtpServer, to: &str, subject: &str, nth: usize) -> Received {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found: Vec<Received> = smtp
            .received()
            .iter()
            .map(|raw| Received::parse(raw))
            .filter(|m| m.to.contains(to) && m.subject.starts_with(subject))
            .collect();
        if let Some(found) = found.into_iter().nth(nth - 1) {
            return found;
        }
        if tokio::time::Instant::now() > deadline {
            let seen: Vec<String> = smtp
                .received()
                .iter()
                .map(|raw| Received::parse(raw))
                .map(|m| format!("{} | {}", m.to, m.subject))
                .collect();
            panic!("no mail {nth} to {to} whose subject starts with {subject:?}; received: {seen:#?}");
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Asserts that `mail`'s plain text holds each of `parts`.
fn says(mail: &Received, parts: &[&str]) {
    for part in parts {
        assert!(mail.text.contains(part), "{part:?} in the mail {:?}:\n{}", mail.subject, mail.text);
    }
}

/// A customer added by the admin command, in `language`; their id.
async fn customer(portal: &TestPortal, company: &str, email: &str, language: &str) -> CustomerId {
    let args = ["add-customer", "--company", company, "--email", email, "--country", "IT", "--city", "Torino"];
    ok(portal, &[&args[..], &["--language", language]].concat()).await;
    CustomerId::new(common::subscriptions::customer_id(portal, email).await)
}

struct Steps<'a> {
    portal: &'a TestPortal,
    mailer: Mailer,
}

impl Steps<'_> {
    async fn start(&self, customer: &CustomerId, quantity: i64, trial: bool, today: &str) -> subscriptions::Started {
        let form = StartForm {
            customer_id: customer,
            sku: "LED-STD-1M",
            quantity,
            trial,
            payment_method: PaymentMethod::BankTransfer,
            today: on(today),
            prefix: "JWT",
        };
        subscriptions::start(&self.portal.pool, &self.mailer, &Actor::cli(), &form).await.expect("started")
    }

    async fn change(&self, id: &str, request: Request, today: &str) -> Changed {
        let form = ChangeForm { request: &request, today: on(today), version: None, prefix: "JWT", provider: None };
        subscriptions::change(&self.portal.pool, &self.mailer, &Actor::cli(), id, &form).await.expect("changed")
    }

    async fn round(&self, today: &str, past_due_after_days: i64) {
        let settings = Settings { past_due_after_days, invoice_days_ahead: 0 };
        let round =
            renewals::run(&self.portal.pool, &self.mailer, on(today), "JWT", settings, None).await.expect("a round");
        assert_eq!(round.failed, 0, "{round:?}");
    }

    /// The newest order of subscription `id`: reference and total.
    async fn last_order(&self, id: &str) -> (String, i64) {
        sqlx::query_as(
            "SELECT reference, total_minor FROM orders WHERE subscription_id = $1 ORDER BY placed_at DESC, reference DESC",
        )
        .bind(id)
        .fetch_all(&self.portal.pool)
        .await
        .expect("orders")
        .into_iter()
        .next()
        .expect("an order")
    }
}

on_both_databases_with_smtp!(every_step_of_a_subscription_is_mailed_with_its_figures);

async fn every_step_of_a_subscription_is_mailed_with_its_figures(portal: TestPortal, smtp: SmtpServer) {
    // Arrange: Acme Ledger's monthly plans (Standard EUR 10.00, Enterprise EUR 20.00 a user),
    // an Italian-speaking customer and an English-speaking one.
    common::subscriptions::monthly_plans(&portal).await;
    let trattoria = customer(&portal, "Trattoria Srl", "conti@trattoria.example", "it").await;
    let globex = customer(&portal, "Globex", "ops@globex.example", "en").await;
    let steps = Steps { portal: &portal, mailer: Mailer::from_config(&portal.config).with_public_url(&portal.url) };
    let (it, en) = ("conti@trattoria.example", "ops@globex.example");

    // A trial, in Italian: until when, for how many users.
    let trial = steps.start(&trattoria, 3, true, "2027-03-01").await;
    let started = mail(&smtp, it, "La tua prova di Acme Ledger è iniziata", 1).await;
    says(&started, &["utenti: 3", "dura fino al 2027-03-15", "Acquista ora", "/subscriptions"]);
    assert!(started.html.contains("<html lang=\"it\">"), "{}", started.html);

    // Bought for 4 Enterprise users: the first paid month from the trial's end, its amount
    // and order, the next charge.
    let form = BuyForm {
        today: on("2027-03-05"),
        start_now: false,
        quantity: Some(4),
        sku: Some("LED-ENT-1M"),
        version: None,
        prefix: "JWT",
        billing: None,
        payment_method: None,
        provider: None,
    };
    let bought =
        subscriptions::buy(&portal.pool, &steps.mailer, &Actor::cli(), &trial.id, &form).await.expect("bought");
    assert_eq!(bought.charge.total, eur(8_000));
    let mail_bought = mail(&smtp, it, "Grazie: il tuo abbonamento a Acme Ledger è acquistato", 1).await;
    says(
        &mail_bought,
        &[
            "utenti: 4",
            &format!("dal 2027-03-15 al 2027-04-15: EUR 80.00, ordine {}", bought.charge.reference),
            "Prossimo addebito: 2027-04-15.",
        ],
    );

    // An English customer's 2 users from 2027-05-01; 3 more on 2027-05-16, charged now.
    let sub = steps.start(&globex, 2, false, "2027-05-01").await.id;
    let added = steps.change(&sub, Request::Quantity(5), "2027-05-16").await;
    let charge = added.charge.as_ref().expect("more users are charged now");
    assert!(charge.total.minor() > 0 && charge.total == added.quote.due_now, "{added:?}");
    let mail_added = mail(&smtp, en, "Users added to your subscription to Acme Ledger", 1).await;
    says(
        &mail_added,
        &["now has 5 users", &format!("Amount: {} (order {}).", charge.total, charge.reference), "From 2027-06-01:"],
    );

    // Down to 3 users: from the period's end.
    steps.change(&sub, Request::Quantity(3), "2027-05-20").await;
    let reduced = mail(&smtp, en, "Your subscription to Acme Ledger has fewer users from 2027-06-01", 1).await;
    says(
        &reduced,
        &["From 2027-06-01, your subscription to Acme Ledger", "has 3 users; until then you keep your 5 users."],
    );

    // Enterprise now (charged), then Standard again from the period's end.
    let dearer = steps.change(&sub, Request::Plan("LED-ENT-1M".into()), "2027-05-21").await;
    let charge = dearer.charge.as_ref().expect("a dearer plan is charged now");
    let plan = mail(&smtp, en, "Your subscription to Acme Ledger is now", 1).await;
    says(&plan, &["users: 5", &format!("Amount: {} (order {}).", charge.total, charge.reference)]);
    steps.change(&sub, Request::Plan("LED-STD-1M".into()), "2027-05-22").await;
    let downgrade = mail(&smtp, en, "Your subscription to Acme Ledger changes to", 1).await;
    assert!(downgrade.subject.ends_with("on 2027-06-01"), "{}", downgrade.subject);
    says(&downgrade, &["on 2027-06-01; until then you keep"]);

    // Cancelled: the last day of access; resumed: what it renews as.
    steps.change(&sub, Request::Cancel, "2027-05-23").await;
    let cancelled = mail(&smtp, en, "Your subscription to Acme Ledger is cancelled", 1).await;
    says(&cancelled, &["your access ends on 2027-05-31", "resume"]);
    let resumed = steps.change(&sub, Request::Resume, "2027-05-24").await;
    let renewal = resumed.quote.renewal.as_ref().expect("it renews");
    let mail_resumed = mail(&smtp, en, "Your subscription to Acme Ledger is resumed", 1).await;
    says(&mail_resumed, &["it renews as before", "From 2027-06-01: ", &format!("users: 3, {} a month", renewal.total)]);

    // Renewed on 2027-06-01 for 3 users: the period, the amount and its order, the next charge.
    steps.round("2027-06-01", 30).await;
    let (reference, total) = steps.last_order(&sub).await;
    assert_eq!(total, renewal.total.minor(), "renewed as the resume said");
    let renewed = mail(&smtp, en, "Your subscription to Acme Ledger is renewed", 1).await;
    says(
        &renewed,
        &[
            "for the period from 2027-06-01 to 2027-07-01",
            "users: 3",
            &format!("Amount: {} (order {reference}).", eur(total)),
            "Next charge: 2027-07-01.",
        ],
    );

    // Unpaid: past due the next day (the day it is suspended), then suspended.
    steps.round("2027-06-02", 0).await;
    let overdue = mail(&smtp, en, &format!("The invoice of order {reference} is unpaid"), 1).await;
    says(&overdue, &["is suspended on 2027-06-16"]);
    steps.round("2027-06-16", 0).await;
    let suspended = mail(&smtp, en, "License", 1).await;
    assert!(suspended.subject.ends_with("is suspended"), "{}", suspended.subject);
    says(&suspended, &[&format!("The invoice of order {reference} is unpaid.")]);

    // Paid, cancelled, ended at the period's end.
    let form = PaymentForm {
        reference: &OrderRef::parse("reference", &reference).expect("reference"),
        amount: eur(total),
        paid_at: tessera_portal::store::now(),
        method: None,
        bank_reference: None,
        idempotency_key: None,
    };
    payments::record_payment(&portal.pool, &steps.mailer, &Actor::cli(), &form).await.expect("paid");
    steps.change(&sub, Request::Cancel, "2027-06-20").await;
    let cancelled = mail(&smtp, en, "Your subscription to Acme Ledger is cancelled", 2).await;
    says(&cancelled, &["your access ends on 2027-06-30"]);
    steps.round("2027-07-01", 30).await;
    let ended = mail(&smtp, en, "Your subscription to Acme Ledger has ended", 1).await;
    says(&ended, &["ended on 2027-07-01: it is not renewed and nothing more is charged"]);
}

on_both_databases_with_smtp!(contact_the_store_mails_the_subscription_to_the_store_replying_to_the_customer);

async fn contact_the_store_mails_the_subscription_to_the_store_replying_to_the_customer(
    portal: TestPortal,
    smtp: SmtpServer,
) {
    // Arrange: Contoso's subscription of 3 Standard users, its customer signed in.
    common::subscriptions::monthly_plans(&portal).await;
    let contoso = CustomerId::new(common::subscriptions::customer_id(&portal, "it@contoso.example").await);
    let steps = Steps { portal: &portal, mailer: Mailer::from_config(&portal.config).with_public_url(&portal.url) };
    let id = steps.start(&contoso, 3, false, "2027-05-01").await.id;
    let mut customer = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
    let list = customer.get("/subscriptions").await;
    let contact = format!("/subscriptions/{id}/contact");
    assert!(list.body.contains(&format!(r#"href="{contact}" id="contact-1""#)), "{}", list.body);
    let form = customer.get(&contact).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);

    // An empty message: refused with a clear reason, the subject kept.
    let empty = customer.post(&contact, &[("csrf", &form.csrf()), ("subject", "Invoices"), ("message", "  \n ")]).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST, "{}", empty.body);
    assert!(
        empty.text_of("problem").is_some_and(|p| p.contains("the message is empty")),
        "{:?}",
        empty.text_of("problem")
    );
    assert!(empty.body.contains(r#"value="Invoices""#), "the subject comes back: {}", empty.body);
    // A subject too long: refused, the message kept.
    let long = "x".repeat(201);
    let refused = customer.post(&contact, &[("csrf", &form.csrf()), ("subject", &long), ("message", "Keep me")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert_eq!(refused.textarea("message").as_deref(), Some("Keep me"));
    // Without the form's CSRF token: refused.
    let forged = customer.post(&contact, &[("subject", "Hi"), ("message", "Hello")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // Sent: back to the subscriptions saying so; the store receives it, Reply-To the customer,
    // with the subscription's details.
    let message = "Hello,\n\nwe need 2 more users next month: can we pay by transfer?\n\nGiulia";
    let sent = customer
        .post(&contact, &[("csrf", &form.csrf()), ("subject", "More users <soon>"), ("message", message)])
        .await;
    assert_eq!((sent.status, sent.location.as_deref()), (StatusCode::SEE_OTHER, Some("/subscriptions?done=contact")));
    let done = customer.get("/subscriptions?done=contact").await;
    assert_eq!(done.text_of("notice").as_deref(), Some("Your message was sent to the store."));
    let received = mail(&smtp, STORE, "More users <soon> — Contoso Pharmacy", 1).await;
    assert!(received.reply_to.contains("it@contoso.example"), "Reply-To: {:?}", received.reply_to);
    says(
        &received,
        &[
            "we need 2 more users next month: can we pay by transfer?",
            &format!("Subscription: {id} (Acme Ledger)"),
            "Users: 3",
            "Status: Active",
            "Period: 2027-05-01 – 2027-06-01",
            "Customer: Contoso Pharmacy, it@contoso.example",
        ],
    );
    assert!(
        received.html.contains("More users &#60;soon&#62;") && !received.html.contains("<soon>"),
        "the customer's text is escaped: {}",
        received.html
    );

    // Another customer's subscription: the same 404 as none.
    let mut northwind = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT11408").await;
    assert_eq!(northwind.get(&contact).await.status, StatusCode::NOT_FOUND);
    let other = northwind.get("/subscriptions").await;
    let stolen = northwind.post(&contact, &[("csrf", &other.csrf()), ("subject", "Hi"), ("message", "Hello")]).await;
    assert_eq!(stolen.status, StatusCode::NOT_FOUND, "{}", stolen.body);

    // Five messages an hour: the sixth is refused, kept as typed.
    for n in 2..=5 {
        let fields = [("csrf", form.csrf()), ("subject", format!("Note {n}")), ("message", "More".to_owned())];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(customer.post(&contact, &fields).await.status, StatusCode::SEE_OTHER, "message {n}");
    }
    let sixth = customer.post(&contact, &[("csrf", &form.csrf()), ("subject", "Six"), ("message", "Again")]).await;
    assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS, "{}", sixth.body);
    assert_eq!(sixth.textarea("message").as_deref(), Some("Again"));
    for n in 2..=5 {
        mail(&smtp, STORE, &format!("Note {n} "), 1).await;
    }

    // In Italian, the empty message is refused in Italian, with the form in Italian.
    customer.get(&format!("/lang/it?next={contact}")).await;
    let form = customer.get(&contact).await;
    assert!(form.body.contains("Contatta lo store"), "{}", form.body);
    let vuoto = customer.post(&contact, &[("csrf", &form.csrf()), ("subject", "Fatture"), ("message", "")]).await;
    assert_eq!(vuoto.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        vuoto.text_of("problem").as_deref(),
        Some("Scrivi un messaggio prima di inviarlo: il messaggio è vuoto.")
    );
    let to_store = smtp.received().iter().map(|raw| Received::parse(raw)).filter(|m| m.to.contains(STORE)).count();
    assert_eq!(to_store, 5, "five messages reached the store");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_declined_card_is_mailed_with_the_next_attempt_on_sqlite() {
    declined(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_declined_card_is_mailed_with_the_next_attempt_on_postgres() {
    declined(Db::Postgres).await;
}

async fn declined(db: Db) {
    let stripe = FakeStripe::start().await;
    let Some((portal, smtp)) = portal(db, Some(&stripe)).await else { return };
    common::subscriptions::monthly_plans(&portal).await;
    let token = common::subscriptions::shop_token(&portal).await;
    let contoso = common::subscriptions::customer_id(&portal, "it@contoso.example").await;
    let mut customer = Visitor::signed_in(&portal.url, "it@contoso.example", "JWT20417").await;
    // A card that is declined, then 5 users paid by card from today.
    add_card(&mut customer, &stripe, DECLINED).await;
    let started = portal
        .client
        .post(format!("{}/api/v1/admin/subscriptions", portal.url))
        .bearer_auth(&token)
        .json(&json!({ "customer_id": contoso, "sku": "LED-STD-1M", "quantity": 5, "payment_method": "card" }))
        .send()
        .await
        .expect("started");
    assert!(started.status().is_success(), "{}", started.status());

    // Act: the renewal round charges the period today: declined.
    let today = chrono::Utc::now().date_naive();
    let round = ok(&portal, &["renew", "--today", &today.to_string()]).await;
    assert!(round.contains("1 cards declined"), "{round}");

    // Assert: the customer is told the amount, the next attempt's day and where to change the card.
    let declined = mail(&smtp, "it@contoso.example", "Your card was declined for order", 1).await;
    let tomorrow = today.succ_opt().expect("tomorrow");
    says(
        &declined,
        &[
            "We could not charge EUR 50.00 to your card",
            "(your subscription to Acme Ledger)",
            &format!("We will try the card again on {tomorrow}."),
            "/payment-methods",
        ],
    );
    // Past due from the period's first day: the mail about it says where to change the card.
    let overdue = mail(&smtp, "it@contoso.example", "The invoice of order", 1).await;
    says(&overdue, &["Your card could not be charged for it.", "/payment-methods", "is suspended on"]);
}

/// Adds a card with `number` as the customer would: "Add a card", the provider's page, back.
async fn add_card(customer: &mut Visitor, stripe: &FakeStripe, number: &str) {
    let page = customer.get("/payment-methods").await;
    let leaving = customer.post("/payment-methods/add", &[("csrf", &page.csrf())]).await;
    let provider_page = leaving.location.expect("to the provider's page");
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let filled = client
        .get(format!("{provider_page}?number={number}&exp_month=12&exp_year=2034"))
        .send()
        .await
        .expect("the provider's page");
    assert_eq!(filled.status(), StatusCode::SEE_OTHER, "{}", stripe.url);
    let back = filled.headers()["location"].to_str().expect("a location").to_owned();
    let path =
        back.split_once("://").and_then(|(_, rest)| rest.find('/').map(|at| rest[at..].to_owned())).expect("a path");
    assert_eq!(customer.get(&path).await.status, StatusCode::SEE_OTHER);
}

#[test]
fn without_a_store_address_the_store_is_the_sender() {
    let config = tessera_portal::Config::for_data_dir(std::env::temp_dir().join("tessera-unused"));
    assert_eq!(Mailer::from_config(&config).store_email(), "Tessera <tessera@localhost>");
    let mut config = config;
    config.store_email = Some(" store@acme.example ".into());
    assert_eq!(Mailer::from_config(&config).store_email(), "store@acme.example");
}

/// Runs `$name(portal, smtp)` on SQLite and on PostgreSQL, each with its own SMTP server.
macro_rules! on_both_databases_with_smtp {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                if let Some((portal, smtp)) = portal(Db::Sqlite, None).await {
                    super::$name(portal, smtp).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                if let Some((portal, smtp)) = portal(Db::Postgres, None).await {
                    super::$name(portal, smtp).await;
                }
            }
        }
    };
}
use on_both_databases_with_smtp;
