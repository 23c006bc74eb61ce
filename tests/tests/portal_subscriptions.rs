//! Subscription management (seed 001) in a real browser: Contoso, with the demo's subscriptions
//! (a trial, a monthly, an annual, a cancelled one, one unpaid), adds users after reading the price the
//! server computed, changes the annual plan to a cheaper one (scheduled), cancels and resumes,
//! adds a card on the test-mode provider's page, buys the trial paying by it;
//! the page in the five languages, accessible, without horizontal scrolling at 1280 px.
//! Screenshots go to tests/artifacts/.

use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_adds_users_changes_plan_cancels_and_resumes() {
    // Arrange: the demo data with its commerce.
    let portal = TestPortal::with_test_cards().await;
    portal.seed_commerce().await;
    let Some(browser) = Browser::open("portal_subscriptions", &portal.url, "en-US").await else { return };
    browser.goto("/login").await;
    browser.tab_to("#email").await;
    browser.type_here("it@contoso.example", false).await;
    browser.tab_to("#order").await;
    browser.type_here("JWT20417", true).await;

    // The list: four subscriptions with their status words.
    browser.resize(1280, 1400).await;
    browser.click(r#".menu a[href="/subscriptions"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Subscription management");
    assert_eq!(browser.count("section.subscription").await, 5);
    // Found by their plans: subscriptions started in different seconds list in that order.
    let place = |plan: &'static str| {
        let browser = &browser;
        async move {
            for n in 1..=5 {
                if browser.text_of(&format!("#subscription-{n}")).await.contains(plan) {
                    return n;
                }
            }
            panic!("no subscription to {plan}")
        }
    };
    let cancelled = place("Acme Ledger Enterprise, 1 month").await;
    let annual = place("Acme Ledger Enterprise, 1 year").await;
    let trial = place("Acme Ledger Standard, 1 month").await;
    let monthly = place("Acme Payroll Professional, 1 month").await;
    assert_eq!(browser.text_of(&format!("#status-{cancelled}")).await, "Cancelled");
    assert_eq!(browser.text_of(&format!("#status-{trial}")).await, "Trial");
    assert_eq!(browser.text_of(&format!("#users-{monthly}")).await, "4");
    assert_eq!(browser.horizontal_overflow().await, None, "the list fits 1280 px");
    browser.screenshot("portal-subscriptions-en").await;
    browser.assert_accessible("en").await;

    // Update services: 6 users, the price first, then confirmed.
    browser.click(&format!("#subscription-{monthly} details summary")).await;
    browser.click(&format!("#update-services-{monthly}")).await;
    assert_eq!(browser.text_of("h1").await, "Update services");
    browser.type_into("#users", "6").await;
    browser.click("#see-price").await;
    let due = browser.text_of("#quote-due").await;
    assert!(due.starts_with("Due today: €"), "{due}");
    assert!(browser.text_of("#quote-then").await.contains("users: 6"));
    browser.screenshot("portal-subscription-users-en").await;
    browser.assert_accessible("en").await;
    browser.click("#confirm").await;
    assert!(browser.text_of("#notice").await.contains("The number of users is updated"));
    assert_eq!(browser.text_of(&format!("#users-{monthly}")).await, "6");
    assert!(browser.has("#notice-order").await, "the order to pay is linked");

    // Change plan: the annual Enterprise plan to the cheaper Standard one, from the year's end.
    browser.click(&format!("#subscription-{annual} details summary")).await;
    browser.click(&format!("#change-plan-{annual}")).await;
    browser.click("#plan-LED-STD-1Y").await;
    browser.click("#see-price").await;
    assert!(browser.text_of("#quote-later").await.starts_with("It takes effect on"));
    assert_eq!(browser.horizontal_overflow().await, None, "the plans fit 1280 px");
    browser.screenshot("portal-subscription-plan-en").await;
    browser.assert_accessible("en").await;
    browser.click("#confirm").await;
    assert!(browser.text_of("#notice").await.contains("The plan is changed"));

    // Cancel, then Resume.
    browser.click(&format!("#subscription-{monthly} details summary")).await;
    browser.click(&format!("#cancel-{monthly}")).await;
    assert!(browser.text_of("#quote-cancel").await.starts_with("Your access ends on"));
    browser.screenshot("portal-subscription-cancel-en").await;
    browser.assert_accessible("en").await;
    browser.click("#confirm").await;
    assert_eq!(browser.wait_for_text(&format!("#status-{monthly}"), "Cancelled").await, "Cancelled");
    browser.click(&format!("#subscription-{monthly} details summary")).await;
    browser.click(&format!("#resume-{monthly}")).await;
    assert_eq!(browser.wait_for_text(&format!("#status-{monthly}"), "Active").await, "Active", "resumed");

    // Payment methods: a card added on the provider's page (test mode here), kept as the default.
    browser.goto("/payment-methods").await;
    assert!(browser.count("#no-cards").await == 1, "no card yet");
    browser.click("#add-card").await;
    browser.tab_to("#number").await;
    browser.type_here("4242 4242 4242 4242", false).await;
    browser.tab_to("#month").await;
    browser.type_here("12", false).await;
    browser.tab_to("#year").await;
    browser.type_here("2035", true).await;
    assert_eq!(browser.wait_for_text("#card-1-name", "Visa ending 4242").await, "Visa ending 4242");
    assert_eq!(browser.text_of("#card-1-expiry").await, "12/2035");
    assert_eq!(browser.count("#default-card").await, 1, "the first card is the default");
    assert_eq!(browser.horizontal_overflow().await, None, "Payment methods fits 1280 px");
    browser.screenshot("portal-payment-methods-en").await;
    browser.assert_accessible("en").await;
    browser.goto("/subscriptions").await;

    // Buy now, from the trial: the price first, the billing data and the card, then bought.
    browser.click(&format!("#buy-{trial}")).await;
    assert_eq!(browser.text_of("h1").await, "Buy now");
    browser.click("#compare-plans").await;
    let compared = browser.text_of("#compare").await;
    assert!(compared.contains("consolidation") && compared.contains("not included"), "{compared}");
    browser.screenshot("portal-subscription-compare-en").await;
    browser.assert_accessible("en").await;
    browser.click("a.button.primary").await;
    assert_eq!(browser.text_of("h1").await, "Buy now");
    browser.click("#plan-LED-ENT-1M").await;
    browser.click("#see-price").await;
    assert!(browser.text_of("#quote-due").await.starts_with("Due: €132.00"), "3 × €44.00");
    assert!(browser.text_of("#payment").await.contains("Visa ending 4242"), "the default card is offered");
    browser.tab_to("#address").await;
    browser.type_here("1 Harbour Street", false).await;
    assert_eq!(browser.horizontal_overflow().await, None, "Buy now fits 1280 px");
    browser.screenshot("portal-subscription-buy-en").await;
    browser.assert_accessible("en").await;
    browser.click("#confirm").await;
    assert_eq!(browser.wait_for_text(&format!("#status-{trial}"), "Active").await, "Active", "bought");

    // The list in each language.
    for (code, title) in [
        ("fr", "Gestion des abonnements"),
        ("it", "Gestione abbonamenti"),
        ("bg", "Управление на абонаменти"),
        ("ru", "Управление подписками"),
    ] {
        browser.goto(&format!("/lang/{code}?next=/subscriptions")).await;
        assert_eq!(browser.text_of("h1").await, title, "{code}");
        assert_eq!(browser.horizontal_overflow().await, None, "{code}: the list fits 1280 px");
        browser.screenshot(&format!("portal-subscriptions-{code}")).await;
        browser.assert_accessible(code).await;
    }
    browser.close().await;
}
