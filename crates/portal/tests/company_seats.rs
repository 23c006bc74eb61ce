//! Company administration and Subscription management (seed 004) over HTTP on both databases:
//! a company admin invites a user, who registers through the mailed link; the admin binds and
//! unbinds seats (mailed, in the event log), is refused an unknown e-mail with an Invite button,
//! binds last term's users again in one click; another company's seats are a 404 on every route;
//! two portal processes on one PostgreSQL bind the last free seat once.

mod common;

use common::company::{PASSWORD, bind, invite_and_register, mail_to, rows, seat, subscriptions};
use common::web::{Visitor, unescape};
use reqwest::StatusCode;

const NORTHWIND: &str = "demo@northwind.example";
const NORTHWIND_ORDER: &str = "JWT11408";
const CONTOSO: &str = "it@contoso.example";
const CONTOSO_ORDER: &str = "JWT20417";
const ANNA: &str = "anna.berg@northwind.example";

async fn events(portal: &common::TestPortal, kind: &str) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE kind = $1")
        .bind(kind)
        .fetch_one(&portal.pool)
        .await
        .expect("events")
}

on_both_databases!(
    an_admin_binds_a_registered_user_and_unbinds_them_both_mailed,
    |portal: common::TestPortal| async move {
        // Arrange
        let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
        invite_and_register(&portal, &mut admin, ANNA).await;
        let list = subscriptions(&mut admin, "").await;
        assert_eq!(rows(&list).len(), 10, "a page of ten");
        assert!(list.body.contains("Page 1 of 4"), "3 + 10 + 25 seats of paid licenses: {}", list.body);
        let free = seat(&list, "P30", "free");

        // Act: an address nobody of the company registered, then Anna
        let unknown = bind(&mut admin, &free, "nobody@northwind.example").await;
        let bound = bind(&mut admin, &free, "Anna.Berg@Northwind.example").await;

        // Assert
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unknown.body.contains("data-code=\"SEAT_NO_USER\""), "{}", unknown.body);
        assert!(unescape(&unknown.body).contains("No user is registered with this e-mail"), "{}", unknown.body);
        assert!(unknown.body.contains("id=\"invite\""), "an Invite button: {}", unknown.body);
        assert_eq!(bound.status, StatusCode::OK, "{}", bound.body);
        assert!(
            bound.body.contains(&format!("seat-{free}\" data-serial=\"P30\" data-status=\"bound\"")),
            "{}",
            bound.body
        );
        assert!(bound.body.contains(&format!("<span class=\"bound-email\">{ANNA}</span>")));
        let access = mail_to(&portal, ANNA, "You now have access to").await;
        assert!(access.contains("Acme Ledger") && access.contains("Enterprise"), "{access}");
        assert_eq!(events(&portal, "seat_bound").await, 1);

        // Act: Unbind
        let list = subscriptions(&mut admin, "?status=bound").await;
        assert_eq!(rows(&list).len(), 1, "the bound filter: {}", list.body);
        let unbound = admin.post(&format!("/company/seats/{free}/unbind"), &[("csrf", &list.csrf())]).await;

        // Assert: the field and Bind come back
        assert_eq!(unbound.status, StatusCode::OK, "{}", unbound.body);
        assert!(unbound.body.contains(&format!("seat-{free}\" data-serial=\"P30\" data-status=\"free\"")));
        assert!(unbound.body.contains(&format!("/company/seats/{free}/bind")), "Bind is back");
        mail_to(&portal, ANNA, "ended").await;
        assert_eq!(events(&portal, "seat_unbound").await, 1);
    }
);

on_both_databases!(
    seats_are_filtered_by_product_and_status_searched_and_paged,
    |portal: common::TestPortal| async move {
        let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
        subscriptions(&mut admin, "").await;
        let payroll = subscriptions(&mut admin, "?product=acme-payroll&status=free").await;
        assert!(payroll.body.contains("Page 1 of 3"), "25 payroll seats: {}", payroll.body);
        assert!(rows(&payroll).iter().all(|(_, serial, status)| serial == "P24" && status == "free"));
        let last = subscriptions(&mut admin, "?product=acme-payroll&status=free&page=3").await;
        assert_eq!(rows(&last).len(), 5);
        let searched = subscriptions(&mut admin, "?q=p65").await;
        assert_eq!(rows(&searched).len(), 10, "P65 has ten users");
        assert!(rows(&searched).iter().all(|(_, serial, _)| serial == "P65"));
        let expired = subscriptions(&mut admin, "?status=expired").await;
        assert!(expired.body.contains("id=\"no-seats\""), "none has ended");
        let bad = admin.get("/company/subscriptions?status=lost").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    }
);

on_both_databases!(another_companys_seats_are_not_found_on_every_route, |portal: common::TestPortal| async move {
    // Arrange: a Northwind seat and license
    let mut northwind = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    let list = subscriptions(&mut northwind, "?q=P30").await;
    let seat_id = seat(&list, "P30", "free");
    let license: String = sqlx::query_scalar("SELECT license_id FROM seats WHERE id = $1")
        .bind(&seat_id)
        .fetch_one(&portal.pool)
        .await
        .expect("seat");
    let mut contoso = Visitor::signed_in(&portal.url, CONTOSO, CONTOSO_ORDER).await;
    let own = subscriptions(&mut contoso, "").await;
    assert_eq!(rows(&own).len(), 1, "Contoso sees its one seat only");
    let csrf = own.csrf();

    // Act + Assert
    let bind = contoso.post(&format!("/company/seats/{seat_id}/bind"), &[("csrf", &csrf), ("email", CONTOSO)]).await;
    assert_eq!(bind.status, StatusCode::NOT_FOUND, "bind");
    let unbind = contoso.post(&format!("/company/seats/{seat_id}/unbind"), &[("csrf", &csrf)]).await;
    assert_eq!(unbind.status, StatusCode::NOT_FOUND, "unbind");
    assert_eq!(contoso.get(&format!("/company/licenses/{license}/carry")).await.status, StatusCode::NOT_FOUND);
    let carry = contoso.post(&format!("/company/licenses/{license}/carry"), &[("csrf", &csrf)]).await;
    assert_eq!(carry.status, StatusCode::NOT_FOUND, "carry");
    let bound: Option<String> = sqlx::query_scalar("SELECT user_id FROM seats WHERE id = $1")
        .bind(&seat_id)
        .fetch_one(&portal.pool)
        .await
        .expect("seat");
    assert_eq!(bound, None, "nothing changed");
    // Without the CSRF token, even one's own seat is refused.
    let own_seat = rows(&own)[0].0.clone();
    let forged = contoso.post(&format!("/company/seats/{own_seat}/bind"), &[("email", CONTOSO)]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
});

on_both_databases!(a_company_user_is_not_an_admin, |portal: common::TestPortal| async move {
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    let mut anna = invite_and_register(&portal, &mut admin, ANNA).await;
    assert_eq!(anna.get("/company/subscriptions").await.status, StatusCode::FORBIDDEN);
    assert_eq!(anna.get("/company").await.status, StatusCode::FORBIDDEN);
});

on_both_databases!(the_same_users_as_last_term_are_bound_again_in_one_click, |portal: common::TestPortal| async move {
    // Arrange: Anna and Boris on the previous term of Acme Ledger (P65); Boris leaves
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    invite_and_register(&portal, &mut admin, ANNA).await;
    invite_and_register(&portal, &mut admin, "boris@northwind.example").await;
    let list = subscriptions(&mut admin, "?q=P65").await;
    let ids: Vec<String> = rows(&list).into_iter().map(|(id, ..)| id).collect();
    assert_eq!(bind(&mut admin, &ids[0], ANNA).await.status, StatusCode::OK);
    assert_eq!(bind(&mut admin, &ids[1], "boris@northwind.example").await.status, StatusCode::OK);
    sqlx::query("UPDATE customer_users SET password_hash = NULL WHERE email = 'boris@northwind.example'")
        .execute(&portal.pool)
        .await
        .expect("Boris is no longer a registered user");
    let p30: String =
        sqlx::query_scalar("SELECT id FROM licenses WHERE serial = 'P30'").fetch_one(&portal.pool).await.expect("P30");

    // Act
    let preview = admin.get(&format!("/company/licenses/{p30}/carry")).await;
    let done = admin.post(&format!("/company/licenses/{p30}/carry"), &[("csrf", &preview.csrf())]).await;

    // Assert
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(unescape(&preview.body).contains(&format!("It will bind: {ANNA}")), "{}", preview.body);
    assert!(unescape(&preview.body).contains("boris@northwind.example"), "shown as skipped");
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("One user was bound again."), "{}", done.body);
    let after = subscriptions(&mut admin, "?q=P30&status=bound").await;
    assert_eq!(rows(&after).len(), 1);
    assert!(after.body.contains(ANNA));
});

// The test makes its own renewal round: the serving portal runs none, so its first round at
// start cannot meet the subscription half made.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_subscriptions_users_are_seats_that_keep_their_bindings_on_sqlite() {
    a_subscriptions_users_are_seats_that_keep_their_bindings(common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_subscriptions_users_are_seats_that_keep_their_bindings_on_postgres() {
    a_subscriptions_users_are_seats_that_keep_their_bindings(common::Db::Postgres).await;
}

async fn a_subscriptions_users_are_seats_that_keep_their_bindings(db: common::Db) {
    // Without PostgreSQL, spawn says so loudly (and fails when TESSERA_REQUIRE_POSTGRES is set).
    let Some(portal) = common::TestPortal::spawn_with(db, |config| config.renewal_rounds = false).await else {
        return;
    };
    use tessera_portal::domain::{Actor, CustomerId, PaymentMethod};
    use tessera_portal::services::payments::{self, PaymentForm};
    use tessera_portal::services::subscriptions::{self, ChangeForm, Request, StartForm};
    use tessera_portal::services::{accounts, seats};
    use tessera_portal::store::seats::Filter;

    // Arrange: Contoso's subscription of 3 users, its first month paid, and two of its people
    // registered and bound to it.
    common::subscriptions::monthly_plans(&portal).await;
    let mailer = tessera_portal::mail::Mailer::from_config(&portal.config);
    let contoso = CustomerId::new(common::subscriptions::customer_id(&portal, CONTOSO).await);
    let today = chrono::Utc::now().date_naive();
    let start = StartForm {
        customer_id: &contoso,
        sku: "LED-STD-1M",
        quantity: 3,
        trial: false,
        payment_method: PaymentMethod::BankTransfer,
        today,
        prefix: "JWT",
    };
    let started = subscriptions::start(&portal.pool, &mailer, &Actor::system(), &start).await.expect("started");
    let order = started.charge.as_ref().expect("the first month's order");
    let payment = PaymentForm {
        reference: &order.reference,
        amount: order.total,
        paid_at: tessera_portal::store::now(),
        method: None,
        bank_reference: Some("SEATS-1"),
        idempotency_key: None,
    };
    payments::record_payment(&portal.pool, &mailer, &Actor::system(), &payment).await.expect("paid");
    let serial = started.serial.to_string();
    let listed = |portal: &common::TestPortal| {
        let (pool, contoso, serial) = (portal.pool.clone(), contoso.clone(), serial.clone());
        async move {
            let filter = Filter { search: &serial, ..Filter::default() };
            seats::page(&pool, &contoso, &filter, None).await.expect("seats").rows
        }
    };
    assert_eq!(listed(&portal).await.len(), 3, "one seat per user of the subscription");
    let people = ["ines@contoso.example", "jon@contoso.example"];
    for (email, seat) in people.iter().zip(listed(&portal).await) {
        let user = accounts::add_user(&portal.pool, &contoso, email).await.expect("user");
        let token = accounts::create_reset(&portal.pool, &user, 600).await.expect("link");
        let hash = accounts::hash_password(PASSWORD).await.expect("hash");
        accounts::use_reset(&portal.pool, &token, &hash).await.expect("registered");
        let bound = seats::bind(&portal.pool, &mailer, &Actor::system(), &contoso, &seat.id, email).await;
        assert!(bound.expect("bind").is_ok(), "{email} bound");
    }
    let change = |users: i64| {
        let (pool, mailer, id) = (portal.pool.clone(), mailer.clone(), started.id.clone());
        async move {
            let request = Request::Quantity(users);
            let form = ChangeForm { request: &request, today, version: None, prefix: "JWT", provider: None };
            subscriptions::change(&pool, &mailer, &Actor::system(), &id, &form).await
        }
    };

    // Act and assert: 1 user while 2 are bound is refused, in the customer's language.
    let refused = change(1).await.expect_err("fewer users than bound seats");
    let french = refused.localized(&tessera_i18n::Localizer::new(tessera_i18n::Language::Fr));
    assert!(french.contains("les 1 que laisse ce changement"), "{french}");
    assert_eq!(listed(&portal).await.len(), 3, "nothing changed");

    // 4 users: a fourth seat, free, at once.
    change(4).await.expect("more users");
    assert_eq!(listed(&portal).await.len(), 4);

    // 2 users from the next period: at the renewal the free seats go, both bindings stay.
    let changed = change(2).await.expect("as many users as bound seats");
    let renews_on = changed.quote.standing.period.end.to_string();
    assert_eq!(listed(&portal).await.len(), 4, "until the period ends");
    common::admin::ok(&portal, &["renew", "--today", &renews_on]).await;
    let left = listed(&portal).await;
    let mut bound: Vec<&str> = left.iter().filter_map(|s| s.user_email.as_deref()).collect();
    bound.sort_unstable();
    assert_eq!(bound, people, "the bindings stay");
    assert_eq!(left.len(), 2, "the free seats are gone");
}

/// A portal on `db` whose mail goes to a fresh SMTP server; `None` when the server or
/// PostgreSQL is missing (said loudly).
async fn portal_with_smtp(db: common::Db) -> Option<(common::TestPortal, common::smtp::SmtpServer)> {
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tessera-smtp-seats-{}-{db:?}-{n}", std::process::id()));
    let smtp = common::smtp::SmtpServer::start(&dir)?;
    let url = smtp.url();
    let portal = common::TestPortal::spawn_with(db, |config| config.smtp_url = Some(url)).await?;
    Some((portal, smtp))
}

/// The mail to `to` whose subject is `subject`, once the SMTP server received it.
async fn received(smtp: &common::smtp::SmtpServer, to: &str, subject: &str) -> common::smtp::Received {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found = smtp
            .received()
            .iter()
            .map(|raw| common::smtp::Received::parse(raw))
            .find(|m| m.to.contains(to) && m.subject == subject);
        if let Some(mail) = found {
            return mail;
        }
        assert!(tokio::time::Instant::now() < deadline, "no mail {subject:?} to {to}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn bind_and_unbind_mails_are_received_over_smtp(db: common::Db) {
    let Some((portal, smtp)) = portal_with_smtp(db).await else { return };
    let northwind = common::subscriptions::customer_id(&portal, NORTHWIND).await;
    sqlx::query(
        "INSERT INTO customer_users (id, customer_id, email, password_hash, created_at, role) \
         VALUES ('usr_anna', $1, $2, 'registered', 0, 'user')",
    )
    .bind(&northwind)
    .bind(ANNA)
    .execute(&portal.pool)
    .await
    .expect("Anna is registered");
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    let list = subscriptions(&mut admin, "?q=P30").await;
    let free = seat(&list, "P30", "free");

    assert_eq!(bind(&mut admin, &free, ANNA).await.status, StatusCode::OK);
    let access = received(&smtp, ANNA, "You now have access to Acme Ledger").await;
    let list = subscriptions(&mut admin, "?q=P30").await;
    let unbound = admin.post(&format!("/company/seats/{free}/unbind"), &[("csrf", &list.csrf())]).await;
    assert_eq!(unbound.status, StatusCode::OK);
    let ended = received(&smtp, ANNA, "Your access to Acme Ledger ended").await;

    assert!(
        access.text.contains("Northwind Traders gave you a license of Acme Ledger (Enterprise)"),
        "{}",
        access.text
    );
    assert!(ended.text.contains("your access to it ended"), "{}", ended.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bind_and_unbind_mails_are_received_over_smtp_on_sqlite() {
    bind_and_unbind_mails_are_received_over_smtp(common::Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bind_and_unbind_mails_are_received_over_smtp_on_postgres() {
    bind_and_unbind_mails_are_received_over_smtp(common::Db::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_company_admin_invites_at_most_twenty_users_an_hour() {
    let portal = common::TestPortal::spawn(common::Db::Sqlite).await.expect("sqlite portal");
    let mut admin = Visitor::signed_in(&portal.url, NORTHWIND, NORTHWIND_ORDER).await;
    let csrf = admin.get("/company").await.csrf();
    for n in 0..tessera_portal::state::INVITES_PER_HOUR {
        let email = format!("person{n}@northwind.example");
        let invited = admin.post("/company/invite", &[("csrf", &csrf), ("email", &email)]).await;
        assert_eq!(invited.status, StatusCode::OK, "invitation {n}");
    }
    let refused = admin.post("/company/invite", &[("csrf", &csrf), ("email", "one.more@northwind.example")]).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.body.contains("one.more@northwind.example"), "the address typed is kept");
    let exists: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM customer_users WHERE email = 'one.more@northwind.example'")
            .fetch_one(&portal.pool)
            .await
            .expect("count");
    assert_eq!(exists, 0, "no account, no mail");
}
