//! The demo's partner channel (seed 003): a partner with two resellers, its pool granted from a
//! paid order and shared with the resellers, and clients in every colour of the client list —
//! renewed, ended, ending, not started and running — made through the pool services on the
//! days their story says; one client is a customer company whose terms are its seats.

use chrono::{Days, NaiveDate};

use crate::domain::{Actor, PaymentMethod, SeatStatus};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::customers::{self, CustomerForm};
use crate::services::orders::{self, Placement, PlanLine};
use crate::services::partner_clients::{self, NewClient, Renewal};
use crate::services::payments::{self, PaymentForm};
use crate::services::{accounts, partner_staff, pools, seats};
use crate::store::seats::Filter;
use crate::store::{self, Pool};

/// The partner, which buys license-years from the vendor as a customer.
pub const PARTNER: &str = "Lumen Partners";
const PARTNER_EMAIL: &str = "orders@lumen.example";

/// Its resellers, and the license-years of Acme Ledger each is given.
pub const RESELLERS: [(&str, i64); 2] = [("Alpine Software", 20), ("Baltic IT", 10)];

/// Who signs in to the partner console (/partner): the partner's person, then the first
/// reseller's; both are also where their renewal reminders go.
pub const PEOPLE: [&str; 2] = ["jonas.weber@lumen.example", "sales@alpine.example"];

/// Their password (a demo portal is not for production data).
pub const PASSWORD: &str = "demo-partner-password";

/// The license-years of Acme Ledger the partner buys (one order of the annual Standard plan).
const BOUGHT: i64 = 60;

/// A client: its seller (`None` the partner, else a reseller's index), name, users, years, the
/// days before today it was created (negative: it starts that many days ahead), and the days
/// before today it was renewed for one more year, if it was.
type ClientSpec = (Option<usize>, &'static str, u32, u32, i64, Option<i64>);

const CLIENTS: [ClientSpec; 6] = [
    (None, "Fabrikam Bakery", 3, 2, 100, None),
    (None, "Tailspin Toys", 2, 1, 400, None),
    (Some(0), "Wingtip Cafe", 4, 1, 300, None),
    (Some(0), "Litware Labs", 3, 1, 330, Some(5)),
    (Some(1), "Proseware Print", 2, 1, -20, None),
    (Some(1), "Adatum Clinic", 5, 1, 345, None),
];

const PRODUCT: &str = "acme-ledger";

/// The client that is also a customer company (its two terms are its seats), and its
/// administrator, who signs in to the customer pages with the company users' demo password.
pub const CLIENT_COMPANY: &str = "Litware Labs";
pub const CLIENT_ADMIN: &str = "it@litware.example";

/// Makes the partner, its resellers, pools and clients unless the partner's order exists.
pub async fn seed(pool: &Pool, mailer: &Mailer, prefix: &str) -> Result<()> {
    let actor = Actor::system();
    let mut tx = store::begin(pool).await?;
    if store::customers::id_by_email(&mut tx, &crate::domain::Email::normalized(PARTNER_EMAIL)).await?.is_some() {
        return Ok(());
    }
    let form = CustomerForm {
        company: PARTNER,
        email: PARTNER_EMAIL,
        country: "Germany",
        city: "Munich",
        vat_id: None,
        first_name: "Jonas",
        last_name: "Weber",
        manager: "",
        phone: "",
        activation_key: None,
        since: None,
        language: None,
    };
    let (customer_id, _) = customers::add_customer(&mut tx, &form).await?;
    tx.commit().await?;
    let lines = [PlanLine { sku: "LED-STD-1Y".into(), quantity: BOUGHT }];
    let placement = Placement {
        customer_id: &customer_id,
        lines: &lines,
        payment_method: PaymentMethod::BankTransfer,
        placed_at: store::now(),
        prefix,
        idempotency_key: None,
    };
    let order = orders::place(pool, mailer, &actor, &placement).await?;
    let payment = PaymentForm {
        reference: &order.reference,
        amount: order.total,
        paid_at: store::now(),
        method: None,
        bank_reference: Some("DEMO-TRANSFER-LUMEN"),
        idempotency_key: None,
    };
    payments::record_payment(pool, mailer, &actor, &payment).await?;
    let partner = pools::create_partner(pool, PARTNER).await?;
    pools::set_contact(pool, &partner, Some(PEOPLE[0]), None).await?;
    partner_staff::create_with_password(pool, &partner, PEOPLE[0], PASSWORD).await?;
    pools::grant(pool, &actor, &partner, order.reference.as_str(), PRODUCT, BOUGHT).await?;
    let mut resellers = Vec::new();
    for (name, years) in RESELLERS {
        let reseller = pools::create_reseller(pool, &partner, name).await?;
        pools::transfer(pool, &actor, &partner, &reseller, PRODUCT, years).await?;
        if resellers.is_empty() {
            pools::set_contact(pool, &reseller, Some(PEOPLE[1]), Some("fr")).await?;
            partner_staff::create_with_password(pool, &reseller, PEOPLE[1], PASSWORD).await?;
        }
        resellers.push(reseller);
    }
    let today = chrono::Utc::now().date_naive();
    for (seller, name, users, years, days_ago, renewed_days_ago) in CLIENTS {
        let seller = seller.and_then(|i| resellers.get(i)).unwrap_or(&partner);
        let (on, starts_on) =
            if days_ago >= 0 { (back(today, days_ago), None) } else { (today, Some(ahead(today, -days_ago))) };
        let new = NewClient { name, product: PRODUCT, users, years, starts_on };
        let bought = partner_clients::create_client(pool, &actor, seller, &new, on).await?;
        if let Some(days) = renewed_days_ago {
            let renewal = Renewal { years: 1, ..Renewal::default() };
            partner_clients::renew(pool, &actor, seller, &bought.client_id, &renewal, back(today, days)).await?;
        }
        if name == CLIENT_COMPANY {
            client_company(pool, mailer, &actor, seller, &bought.client_id, today).await?;
        }
    }
    Ok(())
}

/// Names the client's company administrator (a new customer company, its terms its seats), who
/// registers through the invitation's link and takes a seat of the running term.
async fn client_company(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    seller: &str,
    client_id: &str,
    today: NaiveDate,
) -> Result<()> {
    let named = partner_clients::name_admin(pool, mailer, actor, seller, client_id, CLIENT_ADMIN, today).await?;
    let (user_id, _) = named.invite.as_ref().ok_or_else(|| Error::Internal("the demo client company exists".into()))?;
    let token = accounts::create_reset(pool, user_id, accounts::INVITE_SECONDS).await?;
    let hash = accounts::hash_password(super::company::USER_PASSWORD).await?;
    accounts::use_reset(pool, &token, &hash).await?;
    let filter = Filter { status: Some(SeatStatus::Free), ..Filter::default() };
    let free = seats::page(pool, &named.customer_id, &filter, None).await?;
    let seat = free.rows.first().ok_or_else(|| Error::Internal("the demo client company has no free seat".into()))?;
    if let Err(refused) = seats::bind(pool, mailer, actor, &named.customer_id, &seat.id, CLIENT_ADMIN).await? {
        return Err(Error::Internal(format!("demo client company seat: {}", refused.code())));
    }
    Ok(())
}

fn back(today: NaiveDate, days: i64) -> NaiveDate {
    today.checked_sub_days(Days::new(days.unsigned_abs())).unwrap_or(today)
}

fn ahead(today: NaiveDate, days: i64) -> NaiveDate {
    today.checked_add_days(Days::new(days.unsigned_abs())).unwrap_or(today)
}
