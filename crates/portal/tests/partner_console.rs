//! The partner console `/partner` (#13 Part B, seed 003) over HTTP against a real portal, on
//! both databases: sign-in, the client list's colours and its CSV, the dashboard's count, a
//! renewal, a renewal the pool cannot pay refused with nothing changed, a bulk renewal all or
//! nothing, a reseller getting 404 on every console route that names another reseller's client,
//! and a client company's administrator named (invited, refused in the page's language).

mod common;

use chrono::{Duration, NaiveDate, Utc};
use common::web::{Page, Visitor};
use reqwest::StatusCode;
use tessera_portal::domain::Actor;
use tessera_portal::services::partner_clients::{self, NewClient, Renewal};
use tessera_portal::services::{partner_staff, pools};
use tessera_portal::store::Pool;

const PASSWORD: &str = "correct horse battery staple";

/// The organisations, clients and people of a test.
struct World {
    partner: String,
    north: String,
    south: String,
    /// North's clients: ended, ending, not started, renewed, active.
    ended: String,
    ending: String,
    not_started: String,
    renewed: String,
    active: String,
    /// South's client.
    south_client: String,
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

async fn client(db: &Pool, seller: &str, name: &str, users: u32, on: NaiveDate, starts: Option<NaiveDate>) -> String {
    let new = NewClient { name, product: "acme-ledger", users, years: 1, starts_on: starts };
    partner_clients::create_client(db, &Actor::cli(), seller, &new, on).await.expect("client").client_id
}

/// Partner "Contoso Partners" with 100 license-years, resellers North (30) and South (20);
/// North's clients in every standing, South's one client; a person of each.
async fn world(db: &Pool) -> World {
    let vendor = Actor::cli();
    let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
    let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("north");
    let south = pools::create_reseller(db, &partner, "South Reseller").await.expect("south");
    pools::grant(db, &vendor, &partner, "JWT19", "acme-ledger", 100).await.expect("grant");
    pools::transfer(db, &vendor, &partner, &north, "acme-ledger", 30).await.expect("to north");
    pools::transfer(db, &vendor, &partner, &south, "acme-ledger", 20).await.expect("to south");
    let t = today();
    // Terms bought in the past: a year from 400 days ago has ended; from 11 months ago ends within 3 months.
    let ended = client(db, &north, "Alpha Ended", 2, t - Duration::days(400), None).await;
    let ending = client(db, &north, "Bravo Ending", 3, t - Duration::days(335), None).await;
    let not_started = client(db, &north, "Charlie Later", 1, t, Some(t + Duration::days(180))).await;
    let renewed = client(db, &north, "Delta Renewed", 1, t - Duration::days(335), None).await;
    let renewal = Renewal { years: 1, users: None, product: None };
    partner_clients::renew(db, &vendor, &north, &renewed, &renewal, t).await.expect("renewed");
    let active = client(db, &north, "Echo Running", 1, t - Duration::days(30), None).await;
    let south_client = client(db, &south, "Zulu South", 2, t - Duration::days(335), None).await;
    partner_staff::create_with_password(db, &partner, "anna@contoso-partners.example", PASSWORD).await.expect("anna");
    partner_staff::create_with_password(db, &north, "nick@north.example", PASSWORD).await.expect("nick");
    partner_staff::create_with_password(db, &south, "sara@south.example", PASSWORD).await.expect("sara");
    World { partner, north, south, ended, ending, not_started, renewed, active, south_client }
}

async fn signed_in(url: &str, email: &str) -> Visitor {
    let mut visitor = Visitor::new(url);
    let form = visitor.get("/partner/login").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let csrf = form.csrf();
    let answer = visitor.post("/partner/login", &[("csrf", &csrf), ("email", email), ("password", PASSWORD)]).await;
    assert_eq!(
        (answer.status, answer.location.as_deref()),
        (StatusCode::SEE_OTHER, Some("/partner")),
        "{}",
        answer.body
    );
    visitor
}

async fn balance(db: &Pool, organisation: &str) -> i64 {
    pools::balances(db, organisation).await.expect("balances").iter().map(|p| p.balance).sum()
}

async fn terms(db: &Pool) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM client_terms").fetch_one(db).await.expect("terms")
}

/// The `data-standing` of the row of `client` on the client list.
fn standing_of(page: &Page, client: &str) -> Option<String> {
    let at = page.body.find(&format!(r#"data-client="{client}" data-standing=""#))?;
    let rest = &page.body[at..];
    let start = rest.find("data-standing=\"")? + "data-standing=\"".len();
    Some(rest[start..].split('"').next()?.to_owned())
}

on_both_databases!(sign_in_colours_dashboard_and_csv, |portal: common::TestPortal| async move {
    let db = &portal.pool;
    let w = world(db).await;

    // Not signed in: every console page sends to the sign-in page.
    let mut stranger = Visitor::new(&portal.url);
    let away = stranger.get("/partner/clients").await;
    assert_eq!((away.status, away.location.as_deref()), (StatusCode::SEE_OTHER, Some("/partner/login")));
    // A wrong password is refused with the one message.
    let form = stranger.get("/partner/login").await;
    let csrf = form.csrf();
    let wrong = stranger
        .post("/partner/login", &[("csrf", &csrf), ("email", "nick@north.example"), ("password", "not the password")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", wrong.body);
    // A customer's session opens no console page.
    let mut customer = Visitor::signed_in(&portal.url, "demo@northwind.example", "JWT11408").await;
    assert_eq!(customer.get("/partner").await.location.as_deref(), Some("/partner/login"));

    let mut nick = signed_in(&portal.url, "nick@north.example").await;
    let list = nick.get("/partner/clients").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    for (client, expected) in [
        (&w.ended, "ended"),
        (&w.ending, "ending"),
        (&w.not_started, "not-started"),
        (&w.renewed, "renewed"),
        (&w.active, "active"),
    ] {
        assert_eq!(standing_of(&list, client).as_deref(), Some(expected), "client {client}");
    }
    // Each colour has its word and icon, and the legend explains them.
    for word in ["Ended", "Ending soon", "Not started", "Renewed", "✕", "⚠", "○", "✓"] {
        assert!(list.body.contains(word), "the list shows {word}");
    }
    assert!(list.body.contains(r#"id="legend""#), "a legend");
    assert!(!list.body.contains("Zulu South"), "North never sees South's client");
    assert!(!list.body.contains("Reseller name"), "a reseller's list has no reseller column");

    // The dashboard counts the companies to renew: the ended and the ending one.
    let dashboard = nick.get("/partner").await;
    assert_eq!(dashboard.text_of("to-renew-count").as_deref(), Some("2"), "{}", dashboard.body);
    assert!(dashboard.body.contains(r#"href="/partner/renewals""#), "View leads to the clients to renew");
    let renewals = nick.get("/partner/renewals").await;
    assert!(renewals.body.contains("Alpha Ended") && renewals.body.contains("Bravo Ending"), "{}", renewals.body);
    assert!(!renewals.body.contains("Delta Renewed") && !renewals.body.contains("Echo Running"));

    // The CSV: a header line, then one line per row of the page.
    let csv = nick.get("/partner/clients.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.content_type.as_deref().is_some_and(|t| t.starts_with("text/csv")), "{:?}", csv.content_type);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "client,product,reseller,start,end,years,users,standing,renewed_until,client_id,product_id,admin_email"
    );
    assert_eq!(lines.len(), 6, "{}", csv.body);
    assert!(
        lines.iter().any(|l| l.starts_with("Alpha Ended,Acme Ledger,,")
            && l.ends_with(",acme-ledger,")
            && l.contains(",ended,")),
        "{}",
        csv.body
    );

    // The partner sees its resellers' clients, with the reseller's name.
    let mut anna = signed_in(&portal.url, "anna@contoso-partners.example").await;
    let all = anna.get("/partner/clients").await;
    assert!(all.body.contains("Reseller name") && all.body.contains("South Reseller"), "{}", all.body);
    assert_eq!(standing_of(&all, &w.south_client).as_deref(), Some("ending"));
    let all_csv = anna.get("/partner/clients.csv").await;
    assert!(all_csv.body.lines().any(|l| l.starts_with("Zulu South,Acme Ledger,South Reseller,")), "{}", all_csv.body);
    assert_eq!(anna.get("/partner").await.text_of("to-renew-count").as_deref(), Some("3"));

    // The pool page: balances and the ledger; the partner moves license-years to its reseller.
    let pool = anna.get("/partner/pool").await;
    assert_eq!(pool.status, StatusCode::OK);
    assert!(
        pool.body.contains(r#"data-kind="grant""#) && pool.body.contains(r#"data-kind="transfer""#),
        "{}",
        pool.body
    );
    let moved = anna
        .post(
            "/partner/pool/transfer",
            &[("csrf", &pool.csrf()), ("reseller", &w.north), ("product", "acme-ledger"), ("amount", "5")],
        )
        .await;
    assert_eq!(moved.location.as_deref(), Some("/partner/pool?done=transferred"), "{}", moved.body);
    assert_eq!((balance(db, &w.partner).await, balance(db, &w.north).await), (45, 26));
    let too_much = anna
        .post(
            "/partner/pool/transfer",
            &[("csrf", &pool.csrf()), ("reseller", &w.north), ("product", "acme-ledger"), ("amount", "46")],
        )
        .await;
    assert_eq!(too_much.status, StatusCode::CONFLICT);
    assert_eq!(balance(db, &w.partner).await, 45);
    let north_pool = nick.get("/partner/pool").await;
    assert!(north_pool.body.contains(r#"data-kind="allocate""#), "{}", north_pool.body);
    assert!(!north_pool.body.contains(r#"id="transfer-form""#), "a reseller transfers nothing");

    // Signing out ends the session.
    let page = nick.get("/partner").await;
    let out = nick.post("/partner/logout", &[("csrf", &page.csrf())]).await;
    assert_eq!(out.location.as_deref(), Some("/partner/login"));
    assert_eq!(nick.get("/partner").await.location.as_deref(), Some("/partner/login"));
});

on_both_databases!(renew_and_insufficient_refused, |portal: common::TestPortal| async move {
    let db = &portal.pool;
    let w = world(db).await;
    let mut nick = signed_in(&portal.url, "nick@north.example").await;
    // North: 30 − 2 − 3 − 1 − 1 − 1 − 1 = 21 left.
    assert_eq!(balance(db, &w.north).await, 21);
    let path = format!("/partner/clients/{}/renew?product=acme-ledger", w.ending);
    let dialog = nick.get(&path).await;
    assert_eq!(dialog.status, StatusCode::OK, "{}", dialog.body);
    assert_eq!(dialog.text_of("available").as_deref(), Some("21"));
    assert!(dialog.body.contains("Licenses remaining to allocate by North Reseller"), "{}", dialog.body);
    assert!(dialog.body.contains("User licenses assigned to Bravo Ending"));
    assert_eq!(dialog.text_of("remaining").as_deref(), Some("18"), "3 users × 1 year");
    let csrf = dialog.csrf();
    let action = format!("/partner/clients/{}/renew", w.ending);

    // Recalculate: 3 users × 2 years leaves 15; nothing is spent.
    let again = nick
        .post(
            &action,
            &[("csrf", &csrf), ("product", "acme-ledger"), ("years", "2"), ("users", "3"), ("action", "recalculate")],
        )
        .await;
    assert_eq!(again.text_of("remaining").as_deref(), Some("15"), "{}", again.body);
    assert!(!again.body.contains(r#"id="ok" disabled"#));
    // Too many users: OK is off on the page...
    let over = nick
        .post(
            &action,
            &[("csrf", &csrf), ("product", "acme-ledger"), ("years", "1"), ("users", "22"), ("action", "recalculate")],
        )
        .await;
    assert_eq!(over.text_of("remaining").as_deref(), Some("-1"));
    assert!(over.body.contains(r#"id="ok" disabled"#), "{}", over.body);
    // ...and the server refuses it whatever the page said; nothing changes.
    let (before_terms, before_balance) = (terms(db).await, balance(db, &w.north).await);
    let refused = nick
        .post(
            &action,
            &[("csrf", &csrf), ("product", "acme-ledger"), ("years", "1"), ("users", "22"), ("action", "ok")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(refused.body.contains("fewer license-years than this needs"), "{}", refused.body);
    assert_eq!((terms(db).await, balance(db, &w.north).await), (before_terms, before_balance));
    // Without the CSRF token: refused, nothing changes.
    let forged =
        nick.post(&action, &[("product", "acme-ledger"), ("years", "1"), ("users", "3"), ("action", "ok")]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(terms(db).await, before_terms);

    // Renewed: 3 × 2 = 6 license-years; the client turns green.
    let done = nick
        .post(&action, &[("csrf", &csrf), ("product", "acme-ledger"), ("years", "2"), ("users", "3"), ("action", "ok")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(balance(db, &w.north).await, 15);
    assert_eq!(terms(db).await, before_terms + 1);
    let list = nick.get("/partner/clients").await;
    assert_eq!(standing_of(&list, &w.ending).as_deref(), Some("renewed"));

    // Create client: 4 users × 1 year from the same pool.
    let form = nick.get("/partner/clients/new").await;
    assert_eq!(form.text_of("available").as_deref(), Some("15"));
    let created = nick
        .post(
            "/partner/clients/new",
            &[
                ("csrf", &csrf),
                ("name", "Foxtrot New"),
                ("product", "acme-ledger"),
                ("years", "1"),
                ("users", "4"),
                ("action", "ok"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    assert_eq!(balance(db, &w.north).await, 11);
    let list = nick.get("/partner/clients?done=created&name=Foxtrot%20New").await;
    assert!(list.body.contains("Foxtrot New"), "{}", list.body);
    // Create beyond the pool: refused, nothing made.
    let too_big = nick
        .post(
            "/partner/clients/new",
            &[
                ("csrf", &csrf),
                ("name", "Golf Big"),
                ("product", "acme-ledger"),
                ("years", "3"),
                ("users", "4"),
                ("action", "ok"),
            ],
        )
        .await;
    assert_eq!(too_big.status, StatusCode::CONFLICT, "{}", too_big.body);
    assert_eq!(balance(db, &w.north).await, 11);
    assert!(!nick.get("/partner/clients").await.body.contains("Golf Big"));
});

on_both_databases!(bulk_renewal_is_all_or_nothing, |portal: common::TestPortal| async move {
    let db = &portal.pool;
    let w = world(db).await;
    let mut nick = signed_in(&portal.url, "nick@north.example").await;
    let page = nick.get("/partner/renewals").await;
    let csrf = page.csrf();
    let rows = [format!("{}|acme-ledger", w.ended), format!("{}|acme-ledger", w.ending)];
    // 21 left; ended (2 users) + ending (3 users) for 5 years = 25: refused, nothing changes.
    let confirm = nick
        .post("/partner/renewals/bulk", &[("csrf", &csrf), ("row", &rows[0]), ("row", &rows[1]), ("years", "5")])
        .await;
    assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
    assert!(confirm.body.contains(r#"<td class="num total">25</td>"#), "the total is shown: {}", confirm.body);
    assert!(confirm.body.contains(r#"id="ok" disabled"#), "OK is off");
    let (before_terms, before_balance) = (terms(db).await, balance(db, &w.north).await);
    let refused = nick
        .post(
            "/partner/renewals/bulk",
            &[("csrf", &csrf), ("row", &rows[0]), ("row", &rows[1]), ("years", "5"), ("confirm", "1")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert_eq!((terms(db).await, balance(db, &w.north).await), (before_terms, before_balance), "all or nothing");

    // For 4 years: 20 of 21, both renewed together.
    let confirm = nick
        .post("/partner/renewals/bulk", &[("csrf", &csrf), ("row", &rows[0]), ("row", &rows[1]), ("years", "4")])
        .await;
    assert!(confirm.body.contains(r#"<td class="num total">20</td>"#), "{}", confirm.body);
    assert!(!confirm.body.contains(r#"id="ok" disabled"#));
    let done = nick
        .post(
            "/partner/renewals/bulk",
            &[("csrf", &csrf), ("row", &rows[0]), ("row", &rows[1]), ("years", "4"), ("confirm", "1")],
        )
        .await;
    assert_eq!(
        (done.status, done.location.as_deref()),
        (StatusCode::SEE_OTHER, Some("/partner/renewals?done=bulk&count=2"))
    );
    assert_eq!((terms(db).await, balance(db, &w.north).await), (before_terms + 2, 1));
    let renewals = nick.get("/partner/renewals").await;
    assert!(renewals.body.contains(r#"id="no-renewals""#), "{}", renewals.body);
});

on_both_databases!(a_reseller_never_reaches_anothers_client, |portal: common::TestPortal| async move {
    let db = &portal.pool;
    let w = world(db).await;
    let mut sara = signed_in(&portal.url, "sara@south.example").await;
    let csrf = sara.get("/partner").await.csrf();
    let (before_terms, before_north, before_south) =
        (terms(db).await, balance(db, &w.north).await, balance(db, &w.south).await);
    // (People routes name a person: partner_people.rs walks those.)
    let naming: Vec<&str> =
        tessera_portal::web::partner_paths().into_iter().filter(|p| p.contains("/clients/{id}")).collect();
    assert!(!naming.is_empty(), "the console has routes naming a client");
    for route in &naming {
        for client in [&w.ended, &w.ending, &w.renewed] {
            let path = route.replace("{id}", client);
            let get = sara.get(&format!("{path}?product=acme-ledger")).await;
            assert_eq!(get.status, StatusCode::NOT_FOUND, "GET {path}");
            assert!(
                !get.body.contains("North") && !get.body.contains("Alpha") && !get.body.contains("Bravo"),
                "{path}"
            );
            let post = sara
                .post(
                    &path,
                    &[("csrf", &csrf), ("product", "acme-ledger"), ("years", "1"), ("users", "1"), ("action", "ok")],
                )
                .await;
            assert!(
                post.status == StatusCode::NOT_FOUND || post.status == StatusCode::METHOD_NOT_ALLOWED,
                "POST {path}: {}",
                post.status
            );
        }
    }
    // A missing client answers the same.
    assert_eq!(sara.get("/partner/clients/org_missing/renew").await.status, StatusCode::NOT_FOUND);
    // Bulk naming North's client among her own: 404, nothing renewed.
    let mine = format!("{}|acme-ledger", w.south_client);
    let theirs = format!("{}|acme-ledger", w.ending);
    for confirm in [None, Some("1")] {
        let mut fields =
            vec![("csrf", csrf.as_str()), ("row", mine.as_str()), ("row", theirs.as_str()), ("years", "1")];
        if let Some(c) = confirm {
            fields.push(("confirm", c));
        }
        let bulk = sara.post("/partner/renewals/bulk", &fields).await;
        assert_eq!(bulk.status, StatusCode::NOT_FOUND, "{}", bulk.body);
    }
    // A transfer is a partner's, to its own reseller only.
    let transfer = sara
        .post(
            "/partner/pool/transfer",
            &[("csrf", &csrf), ("reseller", &w.north), ("product", "acme-ledger"), ("amount", "1")],
        )
        .await;
    assert_eq!(transfer.status, StatusCode::NOT_FOUND);
    assert_eq!(terms(db).await, before_terms);
    assert_eq!(balance(db, &w.north).await, before_north);
    assert_eq!(balance(db, &w.south).await, before_south);
    // Her own client she renews.
    let own = sara.get(&format!("/partner/clients/{}/renew", w.south_client)).await;
    assert_eq!(own.status, StatusCode::OK);
});

on_both_databases!(
    a_person_added_from_the_shell_sets_a_password_through_the_link,
    |portal: common::TestPortal| async move {
        let db = &portal.pool;
        let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
        let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("north");
        let said = common::admin::ok(&portal, &["pool", "staff", &north, "Nick@North.example"]).await;
        let at = said.find("/partner/password/").expect("a link is printed");
        let path = said[at..].trim().to_owned();
        assert!(!said.contains(PASSWORD));
        // A client is not a seller: refused.
        let refused = common::admin::run(&portal, &["pool", "staff", "org_missing", "x@y.example"])
            .await
            .expect_err("not a seller");
        assert!(refused.starts_with("BAD_REQUEST"), "{refused}");

        let mut nick = Visitor::new(&portal.url);
        let form = nick.get(&path).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.body.contains("nick@north.example"), "the link names whose password it sets");
        let csrf = form.csrf();
        let set = nick.post(&path, &[("csrf", &csrf), ("password", PASSWORD), ("confirm", PASSWORD)]).await;
        assert_eq!(set.location.as_deref(), Some("/partner/login?done=password"), "{}", set.body);
        // Once only.
        assert_eq!(nick.get(&path).await.status, StatusCode::GONE);
        assert_eq!(nick.get("/partner/password/not-a-token").await.status, StatusCode::GONE);
        let mut signed = signed_in(&portal.url, "nick@north.example").await;
        assert!(signed.get("/partner").await.body.contains("North Reseller"));
    }
);

#[tokio::test]
async fn sign_in_is_rate_limited_even_with_the_right_password() {
    let portal =
        common::TestPortal::spawn_with(common::Db::Sqlite, |c| c.sign_in_per_minute = 2).await.expect("portal");
    let partner = pools::create_partner(&portal.pool, "Contoso Partners").await.expect("partner");
    partner_staff::create_with_password(&portal.pool, &partner, "anna@contoso-partners.example", PASSWORD)
        .await
        .expect("anna");
    let mut visitor = Visitor::new(&portal.url);
    visitor.accept_language = "ru".into();
    let csrf = visitor.get("/partner/login").await.csrf();
    for _ in 0..2 {
        let wrong = visitor
            .post(
                "/partner/login",
                &[("csrf", &csrf), ("email", "anna@contoso-partners.example"), ("password", "wrong one")],
            )
            .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    }
    let throttled = visitor
        .post("/partner/login", &[("csrf", &csrf), ("email", "anna@contoso-partners.example"), ("password", PASSWORD)])
        .await;
    assert_eq!(throttled.status, StatusCode::TOO_MANY_REQUESTS, "{}", throttled.body);
    assert!(throttled.set_cookies.iter().all(|c| !c.starts_with("tessera_session=") || c.contains("Max-Age=0")));
    assert!(throttled.body.contains("Вход в консоль партнёра"), "the page in the visitor's language");
}

on_both_databases!(a_client_company_administrator_is_named_from_the_console, |portal: common::TestPortal| async move {
    // Arrange
    let db = &portal.pool;
    let w = world(db).await;
    let mut nick = signed_in(&portal.url, "nick@north.example").await;
    let form = nick.get("/partner/clients/new").await;
    assert!(form.body.contains(r#"id="admin_email""#), "the create dialog asks for it: {}", form.body);

    // Act: create a client with its administrator's e-mail
    let created = nick
        .post(
            "/partner/clients/new",
            &[
                ("csrf", &form.csrf()),
                ("name", "Foxtrot Co"),
                ("product", "acme-ledger"),
                ("years", "1"),
                ("users", "2"),
                ("admin_email", "IT@Foxtrot.example"),
                ("action", "ok"),
            ],
        )
        .await;

    // Assert: invited, shown on the list
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    common::company::mail_to(&portal, "it@foxtrot.example", "/password/reset/").await;
    let list = nick.get("/partner/clients").await;
    assert!(list.body.contains(r#"<span class="client-admin">it@foxtrot.example</span>"#), "{}", list.body);

    // Act: name the same company for another client, in French
    nick.accept_language = "fr".into();
    let path = format!("/partner/clients/{}/admin", w.ending);
    let dialog = nick.get(&path).await;
    assert_eq!(dialog.status, StatusCode::OK, "{}", dialog.body);
    let refused = nick.post(&path, &[("csrf", &dialog.csrf()), ("email", "it@foxtrot.example")]).await;

    // Assert: refused in the page's language, nothing linked
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    assert!(
        common::web::unescape(&refused.body).contains("Cette entreprise est déjà liée au client"),
        "{}",
        refused.body
    );

    // Act: a new company's administrator for Bravo Ending
    let named = nick.post(&path, &[("csrf", &dialog.csrf()), ("email", "ops@bravo.example")]).await;

    // Assert: invited; its running term is the company's license of 3 seats
    assert_eq!(named.status, StatusCode::SEE_OTHER, "{}", named.body);
    let list = nick.get(named.location.as_deref().expect("back to the list")).await;
    assert!(
        common::web::unescape(&list.body).contains("Bravo Ending est maintenant une entreprise cliente"),
        "{}",
        list.body
    );
    common::company::mail_to(&portal, "ops@bravo.example", "/password/reset/").await;
    let seats: i64 = sqlx::query_scalar(
        "SELECT l.users FROM licenses l JOIN customers c ON c.id = l.customer_id \
         WHERE c.email = 'ops@bravo.example' AND l.client_term_id IS NOT NULL",
    )
    .fetch_one(db)
    .await
    .expect("Bravo's license");
    assert_eq!(seats, 3);
    let linked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE kind = 'client_linked'")
        .fetch_one(db)
        .await
        .expect("events");
    assert_eq!(linked, 2);
});
