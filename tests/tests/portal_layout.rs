//! Every customer page fits its window in every language: at 1280 px (a laptop) and at 390 px
//! (a phone) nothing makes the page scroll sideways; at 1280 px every table shows all its
//! columns, on a phone a wide table scrolls inside its own box.

use tessera_tests::browser::Browser;
use tessera_tests::portal::TestPortal;

const LANGUAGES: [&str; 5] = ["en", "fr", "it", "bg", "ru"];
const WIDTHS: [u32; 2] = [1280, 390];

async fn check_pages(browser: &Browser, language: &str, paths: &[String], problems: &mut Vec<String>) {
    for width in WIDTHS {
        browser.resize(width, 900).await;
        for path in paths {
            browser.goto(path).await;
            if let Some(overflow) = browser.horizontal_overflow().await {
                browser.screenshot(&format!("portal-overflow-{language}-{width}-{}", path.replace('/', "_"))).await;
                problems.push(format!("{language} at {width} px, {path}: {overflow}"));
            }
            // On a laptop every column is in view; on a phone a table may scroll in its box.
            let scrolling = if width >= 1280 { browser.scrolling_tables().await } else { Vec::new() };
            if !scrolling.is_empty() {
                browser.screenshot(&format!("portal-table-scrolls-{language}-{}", path.replace('/', "_"))).await;
                problems.push(format!("{language} at {width} px, {path}: tables scroll: {}", scrolling.join(", ")));
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_fits_a_laptop_and_a_phone_in_every_language() {
    // Arrange: the demo data, with a computer on P65 so its page has a machine table.
    let portal = TestPortal::start().await;
    portal.add_machine("P65", "ACCOUNTING-PC", 200).await;
    let northwind = portal.northwind();
    let mut problems = Vec::new();

    for language in LANGUAGES {
        let Some(browser) = Browser::open(&format!("portal_layout_{language}"), &portal.url, language).await else {
            return;
        };
        // Act: the pages before sign-in, then every page of a signed-in customer.
        check_pages(&browser, language, &["/login".into(), "/password/forgot".into()], &mut problems).await;
        browser.goto("/login").await;
        browser.type_into("#email", &northwind.email).await;
        browser.type_into("#order", "JWT19").await;
        browser.click(r#"form[action="/login"] button[type=submit]"#).await;
        let license = browser.href_of(r#"#licenses a[href^="/licenses/"]"#).await;
        let signed_in: Vec<String> =
            ["/", &license, "/orders", "/orders/JWT19", "/profile", "/news", "/contracts", "/keys", "/offline"]
                .into_iter()
                .map(str::to_owned)
                .collect();
        check_pages(&browser, language, &signed_in, &mut problems).await;
        browser.close().await;
    }

    // Assert
    assert!(problems.is_empty(), "pages scroll sideways:\n{}", problems.join("\n"));
}
