//! The customer portal's pages in a real browser: headless Chromium through chromedriver, against
//! a real portal in this process with the demo data of seed 000. Screenshots go to tests/artifacts/.

use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_signs_in_and_browses_licenses_and_orders_in_english_and_french() {
    // Arrange: the demo data, and two computers on license P65.
    let portal = TestPortal::start().await;
    portal.add_machine("P65", "ACCOUNTING-PC", 200).await;
    portal.add_machine("P65", "FRONT-DESK-02", 12).await;
    let Some(browser) = Browser::open("portal_pages", &portal.url, "en-US").await else { return };

    // Sign in with e-mail and order number, with the keyboard alone.
    browser.goto("/login").await;
    assert_eq!(browser.text_of("h1").await, "Customer portal");
    browser.tab_to("#email").await;
    browser.type_here("demo@northwind.example", false).await;
    browser.tab_to("#order").await;
    browser.type_here("JWT19", false).await;
    browser.screenshot("portal-login-en").await;
    browser.assert_accessible("en").await;
    browser.type_here("", true).await;

    // Home: the activation key and the Licenses and Supports tables.
    assert_eq!(browser.text_of("#activation-key").await, portal.northwind().activation_key);
    assert_eq!(browser.text_of("#key-label").await, "Your activation key is:");
    let licenses = browser.text_of("#licenses").await;
    for text in ["P30", "P65", "P24", "ACCOUNTING-PC", "Enterprise", "JWT11408", "View"] {
        assert!(licenses.contains(text), "the Licenses table shows {text}: {licenses}");
    }
    assert!(browser.text_of("#supports").await.contains("JWT19"));
    browser.resize(1280, 1250).await;
    browser.screenshot("portal-home-en").await;
    browser.assert_accessible("en").await;

    // License details with its machines.
    browser.click(r#"#licenses a[aria-label="Details P65"]"#).await;
    let machines = browser.text_of("#machine-table").await;
    assert!(machines.contains("ACCOUNTING-PC") && machines.contains("FRONT-DESK-02"), "{machines}");
    assert!(browser.text_of("h1").await.starts_with("License P65"));
    browser.screenshot("portal-license-en").await;
    browser.assert_accessible("en").await;

    // Orders, then one order's details.
    browser.click(r#".menu a[href="/orders"]"#).await;
    let orders = browser.text_of("#orders").await;
    assert!(orders.contains("JWT19") && orders.contains("€2,988.00"), "{orders}");
    browser.screenshot("portal-orders-en").await;
    browser.assert_accessible("en").await;
    browser.click(r#"#orders a[href="/orders/JWT19"]"#).await;
    let items = browser.text_of("#items").await;
    assert!(items.contains("LED-ENT-10") && items.contains("€2,490.00"), "{items}");
    browser.screenshot("portal-order-en").await;
    browser.assert_accessible("en").await;

    // Profile, News and Contracts (seed 002).
    browser.click(r#".menu a[href="/profile"]"#).await;
    assert_eq!(browser.text_of("#profile-company").await, "Northwind Traders");
    assert_eq!(browser.text_of("#profile-manager").await, "Hélène Marchand");
    assert!(browser.has("#no-account").await, "signed in by order number: no password to change");
    browser.screenshot("portal-profile-en").await;
    browser.assert_accessible("en").await;
    browser.click(r#".menu a[href="/news"]"#).await;
    assert!(browser.count("#news h2").await >= 3, "the demo news");
    browser.screenshot("portal-news-en").await;
    browser.assert_accessible("en").await;
    browser.click(r#".menu a[href="/contracts"]"#).await;
    let contracts = browser.text_of("#contracts").await;
    assert!(contracts.contains("€1,240.00") && contracts.contains("Active"), "{contracts}");
    browser.screenshot("portal-contracts-en").await;
    browser.assert_accessible("en").await;

    // Switch to French: the same page, in French, and it sticks.
    browser.click(r#".languages a[hreflang="fr"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Vos contrats");
    assert!(browser.text_of("#contracts").await.contains("1 240,00 €"));
    browser.screenshot("portal-contracts-fr").await;
    browser.assert_accessible("fr").await;
    browser.click(r#".menu a[href="/profile"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Votre profil");
    browser.screenshot("portal-profile-fr").await;
    browser.assert_accessible("fr").await;
    browser.click(r#".menu a[href="/news"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Actualités");
    browser.screenshot("portal-news-fr").await;
    browser.assert_accessible("fr").await;
    browser.click(r#".menu a[href="/orders"]"#).await;
    browser.click(r#"#orders a[href="/orders/JWT19"]"#).await;
    assert_eq!(browser.text_of("h1").await, "Commande JWT19");
    assert_eq!(browser.text_of("#items-title").await, "Articles de la commande");
    assert!(browser.text_of("#items").await.contains("2 490,00 €"));
    browser.screenshot("portal-order-fr").await;
    browser.assert_accessible("fr").await;
    browser.click(r#".menu a[href="/"]"#).await;
    assert_eq!(browser.text_of("#key-label").await, "Votre clé d'activation est :");
    assert!(browser.text_of("#licenses").await.contains("Détails"));
    browser.screenshot("portal-home-fr").await;
    browser.assert_accessible("fr").await;
    browser.click(r#".menu a[href="/orders"]"#).await;
    assert!(browser.text_of("#contacts-title").await.contains("Contacts"));
    browser.screenshot("portal-orders-fr").await;
    browser.assert_accessible("fr").await;

    // Bulgarian, with Cyrillic labels and its own date format.
    browser.click(r#".menu a[href="/"]"#).await;
    browser.click(r#"#licenses a[aria-label="Détails P65"]"#).await;
    // The list has the language links too: switch once the license's own page is there.
    assert_eq!(browser.wait_for_text("#machines-title", "Ordinateurs").await, "Ordinateurs");
    browser.click(r#".languages a[hreflang="bg"]"#).await;
    assert_eq!(browser.text_of("#machines-title").await, "Компютри");
    assert!(browser.text_of("#machine-table").await.contains("Деактивиране"));
    browser.screenshot("portal-license-bg").await;
    browser.assert_accessible("bg").await;

    // A phone-sized window: the layout reflows, the tables scroll sideways.
    browser.goto("/").await;
    browser.resize(390, 844).await;
    browser.screenshot("portal-home-mobile-bg").await;
    browser.assert_accessible("bg").await;
    browser.close().await;
}
