//! The back office says why a change was refused in the staff member's language: a payment of
//! the wrong amount, a perpetual license's term, users out of range and a news title too long
//! read in French for a French browser and in English for an English one.

mod common;

use common::admin::ok;
use common::staff::{act, create_staff, signed_in_staff};
use common::web::Visitor;
use reqwest::StatusCode;

const PASSWORD: &str = "staff horse battery";

/// What each refusal reads in one language.
struct Expected {
    language: &'static str,
    prefix: &'static str,
    wrong_amount: &'static str,
    perpetual: &'static str,
    users: &'static str,
    too_long: &'static str,
}

const LANGUAGES: [Expected; 2] = [
    Expected {
        language: "fr",
        prefix: "Non effectué : ",
        wrong_amount: "500.00 ne correspond pas au total de la commande",
        perpetual: "la licence P65 est perpétuelle : sa durée n’a pas de fin à prolonger",
        users: "utilisateurs : 0 ; une licence en compte de 1 à 100000",
        too_long: "titre : 201 caractères, 200 au plus",
    },
    Expected {
        language: "en",
        prefix: "Not done: ",
        wrong_amount: "500.00 does not match the total of order",
        perpetual: "license P65 is perpetual: its term has no end to extend",
        users: "0 users: a license counts 1 to 100000",
        too_long: "title: 201 characters, at most 200",
    },
];

/// The refusal notice of `page`, checked to be `which` sentence in `expected`'s language and not
/// in the other's.
fn assert_refused(page: &common::web::Page, status: StatusCode, expected: &Expected, which: fn(&Expected) -> &str) {
    let sentence = which(expected);
    assert_eq!(page.status, status, "{}: {sentence}", expected.language);
    let notice = page.text_of("notice").unwrap_or_default();
    assert!(notice.starts_with(expected.prefix), "{}: {notice}", expected.language);
    assert!(notice.contains(sentence), "{}: expected '{sentence}' in '{notice}'", expected.language);
    for other in LANGUAGES.iter().filter(|other| other.language != expected.language) {
        assert!(!notice.contains(which(other)), "{}: '{notice}' is in {}", expected.language, other.language);
    }
}

async fn signed_in_in(portal: &common::TestPortal, language: &str) -> Visitor {
    let mut admin = signed_in_staff(portal, "boss@acme.example", PASSWORD).await;
    admin.accept_language = language.into();
    admin
}

on_both_databases!(refusals_read_in_the_staff_member_s_language, |portal: common::TestPortal| async move {
    // Arrange: an admin; an order of Contoso's awaiting its payment; Northwind's perpetual P65.
    assert!(create_staff(&portal, "boss@acme.example", "admin", PASSWORD).0);
    ok(
        &portal,
        &["add-plan", "--product", "acme-ledger", "--edition", "Standard", "--sku", "LED-STD-1Y", "--price", "299.25"],
    )
    .await;
    let placed =
        ok(&portal, &["place-order", "--customer-email", "it@contoso.example", "--plan", "LED-STD-1Y:2"]).await;
    let reference = placed.strip_prefix("order ").and_then(|r| r.split(' ').next()).expect("reference").to_owned();
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();

    for expected in &LANGUAGES {
        let mut admin = signed_in_in(&portal, expected.language).await;

        // A payment short of the total.
        let orders = admin.get("/admin/orders").await;
        let short = act(
            &mut admin,
            &orders,
            &format!("/admin/orders/{reference}/payment"),
            &[("amount", "500.00"), ("paid_on", &today), ("bank_reference", "")],
        )
        .await;
        assert_refused(&short, StatusCode::CONFLICT, expected, |e| e.wrong_amount);

        // A perpetual license's term, and no users at all.
        let license = admin.get("/admin/licenses/P65").await;
        let term = act(&mut admin, &license, "/admin/licenses/P65/term", &[("ends_on", "2030-01-01")]).await;
        assert_refused(&term, StatusCode::BAD_REQUEST, expected, |e| e.perpetual);
        let users = act(&mut admin, &license, "/admin/licenses/P65/limits", &[("users", "0"), ("machines", "2")]).await;
        assert_refused(&users, StatusCode::BAD_REQUEST, expected, |e| e.users);

        // A news title longer than the service takes.
        let news = admin.get("/admin/news").await;
        let title = "T".repeat(201);
        let long = act(&mut admin, &news, "/admin/news/publish", &[("title", &title), ("body", "Soon.")]).await;
        assert_refused(&long, StatusCode::BAD_REQUEST, expected, |e| e.too_long);
    }
});
