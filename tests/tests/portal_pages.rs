//! The customer portal's pages in a real browser: headless Chromium through chromedriver, against
//! a real portal in this process with the demo data of seed 000. Screenshots go to tests/artifacts/.

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::{Client, Locator};
use tessera_portal::{Config, Portal, demo};
use tessera_tests::{Prerequisites, chromedriver, chromium_capabilities, save_screenshot, webdriver_client};

const WAIT: Duration = Duration::from_secs(15);

/// A fresh folder for this run's portal data and browser profile.
fn scratch(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tessera-e2e-portal-pages-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Starts a portal with the demo data and two computers on license P65; returns its URL and key.
async fn start_portal(dir: PathBuf) -> (String, String) {
    let portal = Portal::build(&Config::for_data_dir(dir)).await.expect("the portal starts");
    let url = format!("http://{}", portal.address().expect("address"));
    let seeded = demo::seed(portal.pool()).await.expect("demo data");
    demo::add_machine(portal.pool(), "P65", "ACCOUNTING-PC", 200).await.expect("a machine");
    demo::add_machine(portal.pool(), "P65", "FRONT-DESK-02", 12).await.expect("a machine");
    tokio::spawn(portal.serve());
    (url, seeded.customers[0].activation_key.clone())
}

async fn text_of(client: &Client, css: &str) -> String {
    let element = client.wait().at_most(WAIT).for_element(Locator::Css(css)).await.unwrap_or_else(|e| {
        panic!("{css} shows: {e}");
    });
    // WebDriver gives no-break spaces (French money and punctuation) back as plain spaces.
    element.text().await.expect("text").replace(['\u{A0}', '\u{202F}'], " ")
}

async fn click(client: &Client, css: &str) {
    let element = client.wait().at_most(WAIT).for_element(Locator::Css(css)).await.unwrap_or_else(|e| {
        panic!("{css} is there to click: {e}");
    });
    element.click().await.expect("click");
}

async fn screenshot(client: &Client, name: &str) {
    tokio::time::sleep(Duration::from_millis(300)).await;
    let png = client.screenshot().await.expect("screenshot");
    let path = save_screenshot(name, &png).expect("saved");
    eprintln!("screenshot: {}", path.display());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_signs_in_and_browses_licenses_and_orders_in_english_and_french() {
    // Arrange
    let mut needs = Prerequisites::new();
    let driver_program = needs.program("chromedriver", "cargo xtask setup, or apt-get install chromium-driver");
    let chromium = needs.program("chromium", "cargo xtask setup, or apt-get install chromium");
    if !needs.satisfied("portal_pages") {
        return;
    }
    let (url, key) = start_portal(scratch("data")).await;
    let driver = chromedriver(&driver_program.expect("checked")).expect("chromedriver starts");
    let profile = scratch("profile");
    let capabilities = chromium_capabilities(&chromium.expect("checked"), &profile, "en-US");
    let client = webdriver_client(&driver, capabilities).await.expect("a Chromium session opens");
    client.set_window_size(1280, 1000).await.expect("window size");

    // Sign in with e-mail and order number.
    client.goto(&format!("{url}/login")).await.expect("sign-in page");
    assert_eq!(text_of(&client, "h1").await, "Customer portal");
    client.find(Locator::Css("#email")).await.expect("e-mail").send_keys("demo@northwind.example").await.unwrap();
    client.find(Locator::Css("#order")).await.expect("order").send_keys("JWT19").await.unwrap();
    screenshot(&client, "portal-login-en").await;
    click(&client, "form.stack button[type=submit]").await;

    // Home: the activation key and the Licenses and Supports tables.
    assert_eq!(text_of(&client, "#activation-key").await, key);
    assert_eq!(text_of(&client, "#key-label").await, "Your activation key is:");
    let licenses = text_of(&client, "#licenses").await;
    for text in ["P30", "P65", "P24", "ACCOUNTING-PC", "Enterprise", "JWT11408", "View"] {
        assert!(licenses.contains(text), "the Licenses table shows {text}: {licenses}");
    }
    assert!(text_of(&client, "#supports").await.contains("JWT19"));
    client.set_window_size(1280, 1250).await.expect("window size");
    screenshot(&client, "portal-home-en").await;

    // License details with its machines.
    click(&client, r#"#licenses a[aria-label="Details P65"]"#).await;
    let machines = text_of(&client, "#machine-table").await;
    assert!(machines.contains("ACCOUNTING-PC") && machines.contains("FRONT-DESK-02"), "{machines}");
    assert!(text_of(&client, "h1").await.starts_with("License P65"));
    screenshot(&client, "portal-license-en").await;

    // Orders, then one order's details.
    click(&client, r#".menu a[href="/orders"]"#).await;
    let orders = text_of(&client, "#orders").await;
    assert!(orders.contains("JWT19") && orders.contains("€2,988.00"), "{orders}");
    screenshot(&client, "portal-orders-en").await;
    click(&client, r#"#orders a[href="/orders/JWT19"]"#).await;
    let items = text_of(&client, "#items").await;
    assert!(items.contains("LED-ENT-10") && items.contains("€2,490.00"), "{items}");
    screenshot(&client, "portal-order-en").await;

    // Switch to French: the same page, in French, and it sticks.
    click(&client, r#".languages a[hreflang="fr"]"#).await;
    assert_eq!(text_of(&client, "h1").await, "Commande JWT19");
    assert_eq!(text_of(&client, "#items-title").await, "Articles de la commande");
    assert!(text_of(&client, "#items").await.contains("2 490,00 €"));
    screenshot(&client, "portal-order-fr").await;
    click(&client, r#".menu a[href="/"]"#).await;
    assert_eq!(text_of(&client, "#key-label").await, "Votre clé d'activation est :");
    assert!(text_of(&client, "#licenses").await.contains("Détails"));
    screenshot(&client, "portal-home-fr").await;
    click(&client, r#".menu a[href="/orders"]"#).await;
    assert!(text_of(&client, "#contacts-title").await.contains("Contacts"));
    screenshot(&client, "portal-orders-fr").await;

    // Bulgarian, with Cyrillic labels and its own date format.
    click(&client, r#".menu a[href="/"]"#).await;
    click(&client, r#"#licenses a[aria-label="Détails P65"]"#).await;
    click(&client, r#".languages a[hreflang="bg"]"#).await;
    assert_eq!(text_of(&client, "#machines-title").await, "Компютри");
    assert!(text_of(&client, "#machine-table").await.contains("Деактивиране"));
    screenshot(&client, "portal-license-bg").await;

    // A phone-sized window: the layout reflows, the tables scroll sideways.
    client.goto(&format!("{url}/")).await.expect("home");
    client.set_window_size(390, 844).await.expect("window size");
    screenshot(&client, "portal-home-mobile-bg").await;

    client.close().await.expect("the session closes");
    drop(driver);
    let _ = std::fs::remove_dir_all(profile);
}
