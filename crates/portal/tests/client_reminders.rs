//! Renewal reminders of clients' terms received over a real SMTP server (aiosmtpd on loopback),
//! on both databases (#13 Part B): 90, 30 and 7 days before a client's term ends, while it is not
//! renewed, a mail to its seller's contact in the seller's language (to its console people when
//! it names none), to the partner above a reseller, and to the client company (its purchase
//! e-mail and its registered company admins) in theirs; each once, only the most urgent when several fell due, none about
//! a term already renewed, and two portals finding one due queue it once.

mod common;

use chrono::NaiveDate;
use common::admin::ok;
use common::smtp::{Received, SmtpServer};
use common::{Db, TestPortal};
use tessera_i18n::Language;
use tessera_portal::domain::Actor;
use tessera_portal::mail::Mailer;
use tessera_portal::services::partner_clients::{self, NewClient, Renewal};
use tessera_portal::services::{accounts, client_reminders, partner_staff, pools, seats};

const DAY: i64 = 86_400;

/// A portal on `db` whose mail goes to a fresh SMTP server; `None` when the server or
/// PostgreSQL is missing (said loudly).
async fn portal(db: Db) -> Option<(TestPortal, SmtpServer)> {
    static COUNT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("tessera-smtp-clients-{}-{db:?}-{n}", std::process::id()));
    let smtp = SmtpServer::start(&dir)?;
    let url = smtp.url();
    let portal = TestPortal::spawn_with(db, |config| config.smtp_url = Some(url)).await?;
    Some((portal, smtp))
}

/// Every mail received so far to `to` whose subject starts with `subject`, waiting until there
/// are `count` of them.
async fn mails(smtp: &SmtpServer, to: &str, subject: &str, count: usize) -> Vec<Received> {
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found: Vec<Received> = smtp
            .received()
            .iter()
            .map(|raw| Received::parse(raw))
            .filter(|m| m.to.contains(to) && m.subject.starts_with(subject))
            .collect();
        if found.len() >= count || tokio::time::Instant::now() > deadline {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The client term reminders queued so far.
async fn queued(portal: &TestPortal) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM mail_queue WHERE kind = 'client_term_ending'")
        .fetch_one(&portal.pool)
        .await
        .expect("count")
}

fn midnight(day: &str) -> i64 {
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .expect("day")
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc()
        .timestamp()
}

macro_rules! on_both_databases_with_smtp {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_sqlite() {
                if let Some((portal, smtp)) = portal(Db::Sqlite).await {
                    super::$name(portal, smtp).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn on_postgres() {
                if let Some((portal, smtp)) = portal(Db::Postgres).await {
                    super::$name(portal, smtp).await;
                }
            }
        }
    };
}

on_both_databases_with_smtp!(a_client_s_ending_term_is_mailed_to_its_seller_and_to_the_company);

async fn a_client_s_ending_term_is_mailed_to_its_seller_and_to_the_company(portal: TestPortal, smtp: SmtpServer) {
    // Arrange: a partner (English) and its reseller (French) with their contacts; the reseller's
    // client Acme Corp is also a customer, whose admin reads Russian; the partner's own client
    // Globex is renewed already.
    let db = &portal.pool;
    let said =
        ok(&portal, &["pool", "partner", "--name", "Contoso Partners", "--email", "Partners@Contoso.example"]).await;
    let partner = said.strip_prefix("partner ").expect("id").to_owned();
    let said = ok(&portal, &["pool", "reseller", "--partner", &partner, "--name", "North Reseller"]).await;
    let north = said.strip_prefix("reseller ").expect("id").to_owned();
    ok(&portal, &["pool", "contact", "--organisation", &north, "--email", "desk@north.example", "--language", "fr"])
        .await;
    let wrong = common::admin::run(&portal, &["pool", "contact", "--organisation", &north, "--language", "de"]).await;
    assert!(wrong.expect_err("no German").starts_with("BAD_REQUEST"));
    pools::grant(db, &Actor::cli(), &partner, "JWT19", "acme-ledger", 100).await.expect("grant");
    pools::transfer(db, &Actor::cli(), &partner, &north, "acme-ledger", 50).await.expect("transfer");
    let args = ["add-customer", "--company", "Acme Corp", "--email", "admin@acme.example", "--country", "BG"];
    ok(&portal, &[&args[..], &["--city", "Sofia", "--language", "ru"]].concat()).await;
    let today = chrono::Utc::now().date_naive();
    let new = NewClient { name: "Acme Corp", product: "acme-ledger", users: 4, years: 1, starts_on: None };
    let acme = partner_clients::create_client(db, &Actor::cli(), &north, &new, today).await.expect("acme");
    sqlx::query("UPDATE organisations SET customer_id = (SELECT id FROM customers WHERE email = 'admin@acme.example') WHERE id = $1")
        .bind(&acme.client_id)
        .execute(db)
        .await
        .expect("Acme is a customer");
    // Acme's second company admin, registered; an invited user who is not an admin.
    let customer = tessera_portal::domain::CustomerId::new(
        sqlx::query_scalar::<_, String>("SELECT id FROM customers WHERE email = 'admin@acme.example'")
            .fetch_one(db)
            .await
            .expect("Acme's id"),
    );
    let it = accounts::add_user(db, &customer, "it@acme.example").await.expect("an admin account");
    let token = accounts::create_reset(db, &it, accounts::INVITE_SECONDS).await.expect("a link");
    let hash = accounts::hash_password("it horse battery staple").await.expect("a hash");
    accounts::use_reset(db, &token, &hash).await.expect("registers").expect("the link works");
    let mailer = Mailer::from_config(&portal.config).with_public_url(&portal.url);
    let invited = seats::invite(db, &mailer, Language::En, &customer, "user@acme.example").await.expect("invites");
    invited.expect("a user invited");
    let new = NewClient { name: "Globex", product: "acme-ledger", users: 2, years: 1, starts_on: None };
    let globex = partner_clients::create_client(db, &Actor::cli(), &partner, &new, today).await.expect("globex");
    let renewal = Renewal { years: 1, users: None, product: None };
    partner_clients::renew(db, &Actor::cli(), &partner, &globex.client_id, &renewal, today).await.expect("renewed");
    let end_day = acme.term.ends_on.clone();
    let end = midnight(&end_day);

    // Nothing 100 days before; at 90 days one mail to each, once.
    client_reminders::remind(db, &mailer, end - 100 * DAY).await.expect("a round");
    assert_eq!(queued(&portal).await, 0);
    let first = client_reminders::remind(db, &mailer, end - 90 * DAY).await.expect("a round");
    client_reminders::remind(db, &mailer, end - 90 * DAY + 60).await.expect("a round");
    assert_eq!(
        (first, queued(&portal).await),
        (1, 4),
        "one term reminded: the reseller, its partner, the company's purchase e-mail and its other admin"
    );
    let partner_subject = format!("The Acme Ledger term of your client Acme Corp ends on {end_day}");
    let above = mails(&smtp, "partners@contoso.example", &partner_subject, 1).await;
    assert_eq!(above.len(), 1, "the partner above the reseller, in English");
    assert!(above[0].text.contains("North Reseller"), "{}", above[0].text);

    let seller_subject = format!("La période Acme Ledger de votre client Acme Corp se termine le {end_day}");
    let seller = mails(&smtp, "desk@north.example", &seller_subject, 1).await;
    assert_eq!(seller.len(), 1, "the reseller's mail, in French");
    let text = &seller[0].text;
    assert!(text.contains("(Acme Ledger, 4 utilisateurs)") && text.contains("dans 90 jours"), "{text}");
    assert!(text.contains(&format!("/api/v1/partner/clients/{}/renewals", acme.client_id)), "{text}");
    let company_subject = format!("Ваши лицензии Acme Ledger заканчиваются {end_day}");
    let company = mails(&smtp, "admin@acme.example", &company_subject, 1).await;
    assert_eq!(company.len(), 1, "the company's mail, in Russian");
    assert!(
        company[0].text.contains("North Reseller") && company[0].text.contains("через 90 дней"),
        "{}",
        company[0].text
    );
    assert_eq!(mails(&smtp, "it@acme.example", &company_subject, 1).await.len(), 1, "the other company admin");
    assert!(mails(&smtp, "user@acme.example", &company_subject, 0).await.is_empty(), "not a user who is no admin");

    // A portal stopped past the 30-day mark sends the 7-day reminder alone, then nothing more.
    client_reminders::remind(db, &mailer, end - 5 * DAY).await.expect("a round");
    client_reminders::remind(db, &mailer, end - 3 * DAY).await.expect("a round");
    assert_eq!(queued(&portal).await, 8);
    let seller = mails(&smtp, "desk@north.example", &seller_subject, 2).await;
    assert_eq!(seller.len(), 2);
    assert!(seller.iter().any(|m| m.text.contains("dans 5 jours")), "the 7-day reminder");
    assert!(!seller.iter().any(|m| m.text.contains("dans 30 jours")), "no stale 30-day reminder");

    // Globex, renewed, is never reminded.
    let globex_end = midnight(&globex.term.ends_on);
    client_reminders::remind(db, &mailer, globex_end - 7 * DAY).await.expect("a round");
    assert_eq!(queued(&portal).await, 8, "a renewed term is not reminded");
    assert!(mails(&smtp, "partners@contoso.example", "The Acme Ledger term of your client Globex", 0).await.is_empty());

    // Two portals finding the same reminder due at once queue it once: a fresh client of the
    // partner, ending in a year.
    let new = NewClient { name: "Initech", product: "acme-ledger", users: 1, years: 1, starts_on: None };
    let initech = partner_clients::create_client(db, &Actor::cli(), &partner, &new, today).await.expect("initech");
    let at = midnight(&initech.term.ends_on) - 30 * DAY;
    let (one, other) =
        tokio::join!(client_reminders::remind(db, &mailer, at), client_reminders::remind(db, &mailer, at));
    assert_eq!(one.expect("one") + other.expect("other"), 1, "claimed once");
    assert_eq!(queued(&portal).await, 9, "the partner's mail, Initech not being a customer");
    let partner_mail =
        mails(&smtp, "partners@contoso.example", "The Acme Ledger term of your client Initech ends on", 1).await;
    assert_eq!(partner_mail.len(), 1, "in English, the partner's default");
    assert!(partner_mail[0].text.contains("in 30 days"), "{}", partner_mail[0].text);

    // A reseller naming no contact: its console people who can sign in are mailed, not one who
    // never set a password.
    let said = ok(&portal, &["pool", "reseller", "--partner", &partner, "--name", "South Reseller"]).await;
    let south = said.strip_prefix("reseller ").expect("id").to_owned();
    partner_staff::create_with_password(db, &south, "eva@south.example", "south horse battery").await.expect("Eva");
    partner_staff::create_with_link(db, &south, "new@south.example").await.expect("a link");
    pools::transfer(db, &Actor::cli(), &partner, &south, "acme-ledger", 10).await.expect("transfer");
    let new = NewClient { name: "Hooli", product: "acme-ledger", users: 1, years: 1, starts_on: None };
    let hooli = partner_clients::create_client(db, &Actor::cli(), &south, &new, today).await.expect("hooli");
    client_reminders::remind(db, &mailer, midnight(&hooli.term.ends_on) - 7 * DAY).await.expect("a round");
    assert_eq!(queued(&portal).await, 12, "Eva's and the partner's about Hooli, and Initech's 7-day one");
    let eva = mails(&smtp, "eva@south.example", "The Acme Ledger term of your client Hooli ends on", 1).await;
    assert_eq!(eva.len(), 1, "the reseller's console person");
    assert!(mails(&smtp, "new@south.example", "", 0).await.is_empty(), "not one who never signed in");
}
