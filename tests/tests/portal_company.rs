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
    assert_eq!(
        browser.wait_for_text("#crumbs", "Cabinet › Company administration").await,
        "Cabinet › Company administration"
    );
    let users = browser.text_of("#users").await;
    for email in ["anna.petrova@northwind.example", "ben.martin@northwind.example", "chloe.roux@northwind.example"] {
        assert!(users.contains(email), "{email} in {users}");
    }
    browser.screenshot("portal-company-en").await;
    browser.assert_accessible("en").await;

    // Subscription management, narrowed to P30: Anna's seat is bound, the others free.
    browser.click("#subscription-management").await;
    let trail = "Cabinet › Company administration › Subscription management";
    assert_eq!(browser.wait_for_text("#crumbs", trail).await, trail);
    // The search box narrows the list (the page comes back with what was typed).
    browser.type_into("#filter-q", "P30").await;
    browser.click("#filters button").await;
    wait_for_count(&browser, "#seats tbody tr", 3).await;
    assert_eq!(browser.value_of("#filter-q").await, "P30");
    let bound = browser.text_of(r#"#seats tr[data-status="bound"]"#).await;
    assert!(bound.contains("anna.petrova@northwind.example"), "{bound}");
    assert_eq!(browser.count(FREE_P30).await, 2);
    assert_eq!(browser.horizontal_overflow().await, None, "the seats fit 1280 px");
    browser.screenshot("portal-seats-en").await;
    browser.assert_accessible("en").await;

    // Bind: Ben, registered, gets a free seat.
    browser.type_into(&format!("{FREE_P30} input[name=email]"), "ben.martin@northwind.example").await;
    browser.click(&format!("{FREE_P30} button")).await;
    let bound = "The license was bound to ben.martin@northwind.example.";
    assert_eq!(browser.wait_for_text("#notice", bound).await, bound);
    browser.goto("/company/subscriptions?q=P30").await;
    assert_eq!(browser.count(r#"#seats tr[data-status="bound"]"#).await, 2);
    assert_eq!(browser.count(FREE_P30).await, 1);

    // An address nobody registered: refused with the reason, and Invite in one click.
    browser.type_into(&format!("{FREE_P30} input[name=email]"), "dora.lind@northwind.example").await;
    browser.click(&format!("{FREE_P30} button")).await;
    let refused = "No user is registered with this e-mail in your company. Invite them first.";
    assert_eq!(browser.wait_for_text("#problem p", refused).await, refused);
    browser.screenshot("portal-seats-no-user-en").await;
    browser.click("#invite").await;
    let invited = "Invitation sent to dora.lind@northwind.example.";
    assert_eq!(browser.wait_for_text("#notice", invited).await, invited);
    assert!(browser.text_of("#users").await.contains("dora.lind@northwind.example"));

    // Unbind Ben: his seat is free again.
    browser.goto("/company/subscriptions?q=ben.martin").await;
    assert_eq!(browser.count("#seats tbody tr").await, 1);
    browser.click(r#"#seats tr[data-status="bound"] button"#).await;
    let unbound = "The license was unbound: it is free for someone else.";
    assert_eq!(browser.wait_for_text("#notice", unbound).await, unbound);
    browser.goto("/company/subscriptions?q=P30").await;
    assert_eq!(browser.count(FREE_P30).await, 2);

    // The five languages: the trail and the table in each, accessible, fitting 1280 px.
    for (code, cabinet) in [("fr", "Espace client"), ("it", "Area clienti"), ("bg", "Кабинет"), ("ru", "Кабинет")]
    {
        browser.click(&format!(r#".languages a[hreflang="{code}"]"#)).await;
        let crumbs = browser.wait_for_text("#crumbs a", cabinet).await;
        assert_eq!(crumbs, cabinet, "{code}");
        assert_eq!(browser.count(FREE_P30).await, 2, "{code}: the same seats");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the seats fit 1280 px");
        browser.screenshot(&format!("portal-seats-{code}")).await;
        browser.assert_accessible(code).await;
    }
    browser.close().await;
}

/// Waits until `css` matches `expected` elements (a form's round trip replaces the page), and
/// fails with what it counted last.
async fn wait_for_count(browser: &Browser, css: &str, expected: usize) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut last = browser.count(css).await;
    while last != expected && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        last = browser.count(css).await;
    }
    assert_eq!(last, expected, "{css}");
}
