//! Company administration (seed 004) in a real browser: Northwind's admin, with the demo's users
//! (one bound to a seat of P30, one without a seat, one invited), follows Cabinet › Company
//! administration › Subscription management, binds a seat to a registered user, is refused a
//! seat for an address nobody registered and invites it with one click, unbinds; the page in the
//! five languages, accessible, without horizontal scrolling at 1280 px. Screenshots go to
//! tests/artifacts/.

use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

const FREE_P30: &str = r#"#seats tr[data-serial="P30"][data-status="free"]"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_company_admin_binds_invites_and_unbinds() {
    // Arrange: the demo with its commerce, which registers Northwind's users and binds one.
    let portal = TestPortal::start().await;
    portal.seed_commerce().await;
    let Some(browser) = Browser::open("portal_company", &portal.url, "en-US").await else { return };
    browser.resize(1280, 1200).await;
    browser.goto("/login").await;
    browser.tab_to("#email").await;
    browser.type_here("demo@northwind.example", false).await;
    browser.tab_to("#order").await;
    browser.type_here("JWT11408", true).await;

    // Cabinet › Company administration: the people of the company.
    browser.click(r#".menu a[href="/company"]"#).await;
    assert_eq!(browser.text_of("#crumbs").await, "Cabinet › Company administration");
    let users = browser.text_of("#users").await;
    for email in ["anna.petrova@northwind.example", "ben.martin@northwind.example", "chloe.roux@northwind.example"] {
        assert!(users.contains(email), "{email} in {users}");
    }
    browser.screenshot("portal-company-en").await;
    browser.assert_accessible("en").await;

    // Subscription management, narrowed to P30: Anna's seat is bound, the others free.
    browser.click("#subscription-management").await;
    assert_eq!(browser.text_of("#crumbs").await, "Cabinet › Company administration › Subscription management");
    browser.type_into("#filter-q", "P30").await;
    browser.click("#filters button").await;
    assert_eq!(browser.count("#seats tbody tr").await, 3, "P30 has 3 users");
    let bound = browser.text_of(r#"#seats tr[data-status="bound"]"#).await;
    assert!(bound.contains("anna.petrova@northwind.example"), "{bound}");
    assert_eq!(browser.count(FREE_P30).await, 2);
    assert_eq!(browser.horizontal_overflow().await, None, "the seats fit 1280 px");
    browser.screenshot("portal-seats-en").await;
    browser.assert_accessible("en").await;

    // Bind: Ben, registered, gets a free seat.
    browser.type_into(&format!("{FREE_P30} input[name=email]"), "ben.martin@northwind.example").await;
    browser.click(&format!("{FREE_P30} button")).await;
    assert_eq!(browser.text_of("#notice").await, "The license was bound to ben.martin@northwind.example.");
    browser.type_into("#filter-q", "P30").await;
    browser.click("#filters button").await;
    assert_eq!(browser.count(r#"#seats tr[data-status="bound"]"#).await, 2);
    assert_eq!(browser.count(FREE_P30).await, 1);

    // An address nobody registered: refused with the reason, and Invite in one click.
    browser.type_into(&format!("{FREE_P30} input[name=email]"), "dora.lind@northwind.example").await;
    browser.click(&format!("{FREE_P30} button")).await;
    assert_eq!(
        browser.text_of("#problem p").await,
        "No user is registered with this e-mail in your company. Invite them first."
    );
    browser.screenshot("portal-seats-no-user-en").await;
    browser.click("#invite").await;
    assert_eq!(browser.text_of("#notice").await, "Invitation sent to dora.lind@northwind.example.");
    assert!(browser.text_of("#users").await.contains("dora.lind@northwind.example"));

    // Unbind Ben: his seat is free again.
    browser.goto("/company/subscriptions?q=ben.martin").await;
    assert_eq!(browser.count("#seats tbody tr").await, 1);
    browser.click(r#"#seats tr[data-status="bound"] button"#).await;
    assert_eq!(browser.text_of("#notice").await, "The license was unbound: it is free for someone else.");
    browser.goto("/company/subscriptions?q=P30").await;
    assert_eq!(browser.count(FREE_P30).await, 2);

    // The five languages: the trail and the table in each, accessible, fitting 1280 px.
    for (code, cabinet) in [("fr", "Espace client"), ("it", "Area clienti"), ("bg", "Кабинет"), ("ru", "Кабинет")]
    {
        browser.click(&format!(r#".languages a[hreflang="{code}"]"#)).await;
        let crumbs = browser.text_of("#crumbs").await;
        assert!(crumbs.starts_with(cabinet), "{code}: {crumbs}");
        assert_eq!(browser.count(FREE_P30).await, 2, "{code}: the same seats");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the seats fit 1280 px");
        browser.screenshot(&format!("portal-seats-{code}")).await;
        browser.assert_accessible(code).await;
    }
    browser.close().await;
}
