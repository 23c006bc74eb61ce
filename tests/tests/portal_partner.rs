//! The partner console in a real browser (#13 Part B, seed 003): headless Chromium against a
//! real portal with the demo data and a reseller's clients; its person signs in, renews a
//! client through the renew dialog (Recalculate, then OK), creates a client, renews two at
//! once through the confirmation step; the dashboard, the client list with its legend, the
//! clients to renew and the renew dialog in the five languages, accessible, without horizontal
//! scrolling at 1280 px. Screenshots go to tests/artifacts/.

use chrono::{Duration, Utc};
use tessera_portal::domain::Actor;
use tessera_portal::services::partner_clients::{self, NewClient};
use tessera_portal::services::{partner_staff, pools};
use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

const PASSWORD: &str = "reseller horse battery";

#[tokio::test(flavor = "multi_thread")]
async fn a_reseller_renews_and_creates_clients_in_five_languages() {
    // Arrange: a partner with 100 license-years, its reseller with 40, the reseller's clients.
    let portal = TestPortal::start().await;
    let db = portal.db();
    let cli = Actor::cli();
    let partner = pools::create_partner(db, "Contoso Partners").await.expect("partner");
    let north = pools::create_reseller(db, &partner, "North Reseller").await.expect("reseller");
    pools::grant(db, &cli, &partner, "JWT19", "acme-ledger", 100).await.expect("grant");
    pools::transfer(db, &cli, &partner, &north, "acme-ledger", 40).await.expect("transfer");
    let today = Utc::now().date_naive();
    for (name, users, days_ago, starts) in [
        ("Alpha Bakery", 2, 400, None),
        ("Bravo Builders", 3, 335, None),
        ("Charlie Clinic", 1, 350, None),
        ("Delta Dental", 2, 0, Some(today + Duration::days(200))),
        ("Echo Energy", 4, 30, None),
    ] {
        let new = NewClient { name, product: "acme-ledger", users, years: 1, starts_on: starts };
        partner_clients::create_client(db, &cli, &north, &new, today - Duration::days(days_ago)).await.expect("client");
    }
    partner_staff::create_with_password(db, &north, "nick@north.example", PASSWORD).await.expect("person");
    let Some(browser) = Browser::open("portal_partner", &portal.url, "en-US").await else { return };
    browser.resize(1280, 900).await;

    // Sign in with the keyboard alone.
    browser.goto("/partner").await;
    assert_eq!(browser.wait_for_text("h1", "Partner console sign-in").await, "Partner console sign-in");
    browser.tab_to("#email").await;
    browser.type_here("nick@north.example", false).await;
    browser.tab_to("#password").await;
    browser.type_here(PASSWORD, true).await;
    assert_eq!(browser.wait_for_text("#to-renew-count", "3").await, "3", "ended, ending and ending");
    browser.assert_accessible("en").await;

    // Renew Bravo (3 users): Recalculate with 2 years, then OK.
    browser.click("#view-to-renew").await;
    assert_eq!(browser.wait_for_text("h1", "Clients to renew").await, "Clients to renew");
    assert_eq!(browser.count("#renewals tbody tr").await, 3);
    browser.click(r#"#renewals tr:nth-child(2) a.button"#).await;
    assert_eq!(browser.wait_for_text("h1", "Renew Bravo Builders").await, "Renew Bravo Builders");
    assert_eq!(browser.wait_for_text("#available", "28").await, "28");
    browser.type_into("#years", "2").await;
    browser.click("#recalculate").await;
    assert_eq!(browser.wait_for_text("#remaining", "22").await, "22", "28 − 3 users × 2 years");
    browser.type_into("#users", "40").await;
    browser.click("#recalculate").await;
    assert_eq!(browser.wait_for_text("#remaining", "-52").await, "-52");
    assert!(browser.has("#ok[disabled]").await, "OK is off when the pool would go negative");
    browser.type_into("#users", "3").await;
    browser.click("#recalculate").await;
    // The recalculated page replaces this one: OK is pressed on it, not on the page going away.
    assert_eq!(browser.wait_for_text("#remaining", "22").await, "22");
    browser.click("#ok").await;
    assert_eq!(browser.wait_for_text("#notice", "Bravo Builders renewed.").await, "Bravo Builders renewed.");
    assert_eq!(browser.count("#renewals tbody tr").await, 2);

    // Create a client: 5 users × 1 year.
    browser.goto("/partner/clients/new").await;
    browser.type_into("#name", "Foxtrot Farms").await;
    browser.type_into("#users", "5").await;
    browser.click("#recalculate").await;
    assert_eq!(browser.wait_for_text("#remaining", "17").await, "17");
    browser.click("#ok").await;
    assert_eq!(
        browser.wait_for_text("#notice", "Client Foxtrot Farms created.").await,
        "Client Foxtrot Farms created."
    );

    // Renew the two left at once: the total on the confirmation step, then OK.
    browser.goto("/partner/renewals").await;
    browser.click("#renewals tr:nth-child(1) input[type=checkbox]").await;
    browser.click("#renewals tr:nth-child(2) input[type=checkbox]").await;
    browser.click("#bulk-renew").await;
    browser.wait_for_text("h1", "Renew the selected clients").await;
    assert_eq!(browser.wait_for_text("#bulk-totals .total", "3").await, "3", "Alpha 2 + Charlie 1, one year");
    browser.click("#ok").await;
    let none = browser.wait_for_text("#notice", "Clients renewed: 2.").await;
    assert_eq!(none, "Clients renewed: 2.");
    assert!(browser.has("#no-renewals").await, "nobody left to renew");

    // Arrange one more to renew, for the screenshots.
    let new = NewClient { name: "Golf Garage", product: "acme-ledger", users: 2, years: 1, starts_on: None };
    let golf =
        partner_clients::create_client(db, &cli, &north, &new, today - Duration::days(380)).await.expect("client");
    let new = NewClient { name: "Hotel Harbour", product: "acme-ledger", users: 6, years: 1, starts_on: None };
    partner_clients::create_client(db, &cli, &north, &new, today - Duration::days(320)).await.expect("client");

    for (code, dashboard, clients) in [
        ("en", "Dashboard", "Client list"),
        ("fr", "Tableau de bord", "Liste des clients"),
        ("it", "Cruscotto", "Elenco clienti"),
        ("bg", "Табло", "Списък с клиенти"),
        ("ru", "Панель", "Список клиентов"),
    ] {
        browser.goto(&format!("/lang/{code}?next=/partner")).await;
        let h1 = browser.wait_for_text("#nav-dashboard", dashboard).await;
        assert_eq!(h1, dashboard, "{code}");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the dashboard fits 1280 px");
        browser.screenshot(&format!("portal-partner-dashboard-{code}")).await;
        browser.assert_accessible(code).await;

        browser.click("#nav-clients").await;
        assert_eq!(browser.wait_for_text("h1", clients).await, clients, "{code}");
        assert!(browser.has("#legend").await);
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the client list fits 1280 px");
        browser.screenshot(&format!("portal-partner-clients-{code}")).await;
        browser.assert_accessible(code).await;

        browser.goto("/partner/renewals").await;
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the clients to renew fit 1280 px");
        browser.screenshot(&format!("portal-partner-renewals-{code}")).await;
        browser.assert_accessible(code).await;

        browser.click("#renewals tr:nth-child(2) a.button").await;
        assert_eq!(browser.wait_for_text("#available", "6").await, "6", "{code}: 40 − 12 − 6 − 5 − 3 − 8");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the renew dialog fits 1280 px");
        browser.screenshot(&format!("portal-partner-renew-{code}")).await;
        browser.assert_accessible(code).await;

        browser.click("#nav-people").await;
        browser.text_of("#people-title").await;
        assert_eq!(browser.count("#people tbody tr").await, 1, "{code}: Nick alone");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the people page fits 1280 px");
        browser.screenshot(&format!("portal-partner-people-{code}")).await;
        browser.assert_accessible(code).await;

        browser.goto(&format!("/partner/clients/{}/admin", golf.client_id)).await;
        assert!(browser.has("#admin-form #email").await, "{code}: the company administrator dialog");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the administrator dialog fits 1280 px");
        browser.screenshot(&format!("portal-partner-client-admin-{code}")).await;
        browser.assert_accessible(code).await;
    }

    // The pool: its balance and the ledger of every movement.
    browser.goto("/lang/en?next=/partner/pool").await;
    assert_eq!(browser.wait_for_text("#balance-acme-ledger .num", "6").await, "6");
    assert!(browser.count("#ledger tbody tr").await >= 9, "the transfer in and an allocation per term");
    assert_eq!(browser.horizontal_overflow().await, None, "the pool page fits 1280 px");
    browser.screenshot("portal-partner-pool-en").await;
    browser.assert_accessible("en").await;
    browser.close().await;
}
