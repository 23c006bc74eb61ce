//! The demo: seeds the data of `data.rs` through the same services the admin commands use, in
//! one transaction, and serves a portal with it for the demo and the tests.

mod commerce;
mod company;
mod data;
mod partners;

pub use commerce::{DemoCards, seed as seed_commerce};

use sha2::{Digest as _, Sha256};
use tessera_core::{ActivationKey, Grant, InstallationKey, MatchPolicy, RegistrationKey};

use data::{CONTRACTS, CUSTOMERS, CustomerSpec, NEWS, PROFILES};

use crate::domain::{Actor, Email, MachineId, OrderRef, Serial, StaffRole};
use crate::error::{Error, Result};
use crate::services::catalog;
use crate::services::content::{self, ContractForm};
use crate::services::customers::{self, CustomerForm};
use crate::services::issuing::{self, LicenseForm};
use crate::services::orders::{self, Line, OrderForm};
use crate::services::staff::{self, StaffForm};
use crate::store::catalog::NewProduct;
use crate::store::machines::NewMachine;
use crate::store::registrations::NewRegistration;
use crate::store::{self, Conn, Pool};

/// A customer the demo created, with what they sign in and activate with.
#[derive(Debug, Clone)]
pub struct DemoCustomer {
    pub company: String,
    pub email: String,
    pub orders: Vec<String>,
    pub activation_key: String,
}

/// What [`seed`] left in the database.
#[derive(Debug, Clone)]
pub struct Seeded {
    pub customers: Vec<DemoCustomer>,
}

impl Seeded {
    /// The credentials, for a terminal.
    #[must_use]
    pub fn describe(&self, url: &str) -> String {
        let mut out = format!("Tessera demo portal at {url}\n");
        for c in &self.customers {
            out.push_str(&format!(
                "  {}: e-mail {}  order numbers {}  activation key {}\n",
                c.company,
                c.email,
                c.orders.join(", "),
                c.activation_key
            ));
        }
        out.push_str("  Products: acme-ledger (Standard, Enterprise), acme-payroll (Professional)\n");
        out.push_str(&format!(
            "  Subscriptions ({url}/subscriptions, as Contoso Pharmacy): a trial, a monthly, an annual, a cancelled, \
             a past-due one and one paid by a test-mode card (4242 4242 4242 4242; cards are never charged)\n"
        ));
        out.push_str(&format!(
            "  Company administration ({url}/company/subscriptions, as {} with any of its order numbers): \
             seats of Acme Ledger Enterprise bound and free; users {} (bound) and {} (no seat), password {}; \
             {} invited\n",
            company::COMPANY_EMAIL,
            company::USERS[0].0,
            company::USERS[1].0,
            company::USER_PASSWORD,
            company::INVITED,
        ));
        out.push_str(&format!(
            "  Partner console ({url}/partner): {} with resellers {} and {}, a pool of Acme Ledger license-years and \
             clients renewed, ended, ending, not started and running; sign in as {} (the partner) or {} (its reseller), \
             password {}\n",
            partners::PARTNER,
            partners::RESELLERS[0].0,
            partners::RESELLERS[1].0,
            partners::PEOPLE[0],
            partners::PEOPLE[1],
            partners::PASSWORD,
        ));
        out.push_str(&format!(
            "  Client company ({url}/company/subscriptions): {}, a client of {}, is a customer company whose two \
             terms are its seats, one bound; sign in as {} with password {}\n",
            partners::CLIENT_COMPANY,
            partners::RESELLERS[0].0,
            partners::CLIENT_ADMIN,
            company::USER_PASSWORD,
        ));
        for (email, role, password) in DEMO_STAFF {
            out.push_str(&format!("  Back office ({url}/admin), {role}: {email}  password {password}\n"));
        }
        out
    }
}

/// A fixed key per demo customer, so docs and demos can name it.
fn demo_key(company: &str) -> ActivationKey {
    let digest = Sha256::digest(format!("tessera demo activation key: {company}").as_bytes());
    let mut bytes = [0u8; 15];
    bytes.copy_from_slice(&digest[..15]);
    ActivationKey::from_bytes(bytes)
}

const DAY: i64 = 86_400;

/// The demo's back-office accounts: e-mail, role, password (printed with the demo's other
/// credentials; a demo portal is not for production data).
const DEMO_STAFF: [(&str, StaffRole, &str); 2] = [
    ("admin@acme.example", StaffRole::Admin, "demo-admin-password"),
    ("support@acme.example", StaffRole::Support, "demo-support-password"),
];

/// Seeds the demo data unless customers exist already; returns the demo credentials either way.
pub async fn seed(pool: &Pool) -> Result<Seeded> {
    // One transaction: a start interrupted while seeding leaves no demo data, never a part of it.
    let mut tx = store::begin(pool).await?;
    if !store::customers::any(&mut tx).await? {
        insert_products(&mut tx).await?;
        for customer in CUSTOMERS {
            insert_customer(&mut tx, customer).await?;
        }
        insert_news_contracts(&mut tx).await?;
        insert_registration(&mut tx).await?;
    }
    tx.commit().await?;
    if !store::staff::any(pool).await? {
        for (email, role, password) in DEMO_STAFF {
            let name = if role == StaffRole::Admin { "Demo Admin" } else { "Demo Support" };
            staff::create(pool, &Actor::system(), &StaffForm { email, name, role, password }).await?;
        }
    }
    let mut customers = Vec::new();
    let mut conn = store::acquire(pool).await?;
    for spec in CUSTOMERS {
        let Some(id) = store::customers::id_by_email(&mut conn, &Email::normalized(spec.email)).await? else {
            continue;
        };
        let Some(customer) = store::customers::by_id(pool, &id).await? else { continue };
        customers.push(DemoCustomer {
            company: spec.company.into(),
            email: spec.email.into(),
            orders: store::orders::references_of(pool, &id).await?,
            activation_key: customer.activation_key,
        });
    }
    Ok(Seeded { customers })
}

async fn insert_products(conn: &mut Conn) -> Result<()> {
    let now = store::now();
    for (id, name, policy) in
        [("acme-ledger", "Acme Ledger", MatchPolicy::Fuzzy), ("acme-payroll", "Acme Payroll", MatchPolicy::Exact)]
    {
        let new = NewProduct { id, name, match_policy: policy, refresh_days: 30, grace_days: 15, created_at: now };
        catalog::add_product(conn, &Actor::system(), &new).await?;
    }
    for (product, edition, sku, features) in [
        ("acme-ledger", "Standard", "LED-STD", &["ledger"][..]),
        ("acme-ledger", "Enterprise", "LED-ENT", &["ledger", "multi-currency", "consolidation"][..]),
        ("acme-payroll", "Professional", "PAY-PRO", &["payroll", "time-tracking"][..]),
    ] {
        let features: Vec<String> = features.iter().map(|f| (*f).to_owned()).collect();
        catalog::add_edition(conn, &Actor::system(), product, edition, sku, &features).await?;
    }
    Ok(())
}

async fn insert_customer(conn: &mut Conn, spec: &CustomerSpec) -> Result<()> {
    let now = store::now();
    let (manager, phone, vat_id) = PROFILES
        .iter()
        .find(|(email, ..)| *email == spec.email)
        .map_or(("", "", None), |(_, manager, phone, vat_id)| (*manager, *phone, Some(*vat_id)));
    let form = CustomerForm {
        company: spec.company,
        email: spec.email,
        country: spec.country,
        city: spec.city,
        vat_id,
        first_name: spec.contact.0,
        last_name: spec.contact.1,
        manager,
        phone,
        activation_key: Some(demo_key(spec.company)),
        since: Some(now - 800 * DAY),
        language: None,
    };
    let (customer_id, _) = customers::add_customer(conn, &form).await?;
    let mut order_ids = Vec::new();
    for order in spec.orders {
        let placed_at = now - order.days_ago * DAY;
        let lines: Vec<Line> = order
            .items
            .iter()
            .map(|(product, sku, description, quantity, unit_price)| Line {
                product: Some(product),
                sku,
                description,
                quantity: *quantity,
                unit_price: *unit_price,
            })
            .collect();
        let reference = OrderRef::parse("reference", order.reference)?;
        let form = OrderForm {
            customer_id: &customer_id,
            reference: &reference,
            currency: order.currency,
            placed_at,
            lines: &lines,
        };
        let (order_id, _) = orders::add_order(conn, &form).await?;
        order_ids.push((order_id, placed_at));
    }
    for license in spec.licenses {
        let (order_id, placed_at) =
            order_ids.get(license.order).ok_or_else(|| Error::Internal("demo license names a missing order".into()))?;
        let form = LicenseForm {
            customer_id: &customer_id,
            order_id: Some(order_id),
            product: license.product,
            edition: license.edition,
            serial: &Serial::parse("serial", license.serial)?,
            users: license.users,
            machines: license.machines,
            starts_at: *placed_at,
            expires_at: license.term_years.map(|years| *placed_at + years * 365 * DAY),
            support_years: license.support_years,
        };
        issuing::issue_license(conn, &Actor::system(), &form).await?;
    }
    Ok(())
}

/// The vendor's news and the customers' contracts.
async fn insert_news_contracts(conn: &mut Conn) -> Result<()> {
    let now = store::now();
    for (days_ago, title, body) in NEWS {
        content::add_news(conn, &Actor::system(), title, body, now - days_ago * DAY).await?;
    }
    for contract in CONTRACTS {
        let customer = customers::by_email(conn, contract.customer).await?;
        let form = ContractForm {
            document_type: contract.document_type,
            subscription: contract.subscription_type,
            monthly_price: contract.monthly_price_minor,
            currency: "EUR",
            signed_at: now - contract.days_ago * DAY,
            year: None,
            status: contract.status,
        };
        content::add_contract(conn, &Actor::system(), &customer, &form).await?;
    }
    Ok(())
}

/// One registration key generated for Northwind's P65 four months ago (seed 002's Programs and
/// information), so the demo shows every column. The demo is seeded without the portal's signing
/// key (`tessera-portal demo` may seed a database no portal serves yet), so this key is signed by
/// a fixed demo key: a record of a key handed out, which the portal never verifies.
async fn insert_registration(conn: &mut Conn) -> Result<()> {
    let license = store::licenses::by_serial(conn, &Serial::stored("P65")).await?.ok_or(Error::NotFound)?;
    let machine = tessera_core::FingerprintDigest(Sha256::digest(b"tessera demo machine: ACCOUNTS-PC").into());
    let install = InstallationKey::new("acme-ledger", (5, 1), 3, machine);
    let grant = Grant {
        seats: 3,
        expires: None,
        support_until: license
            .support_until
            .and_then(|at| chrono::DateTime::from_timestamp(at, 0))
            .map(|at| at.date_naive()),
    };
    let signer = tessera_core::SigningKey::from_seed(Sha256::digest(b"tessera demo registration signer").into());
    let new = NewRegistration {
        license_id: &license.id,
        customer_id: &license.customer_id,
        installation_key: &install.to_string(),
        registration_key: &RegistrationKey::issue(&install, grant, &signer).to_string(),
        version: "5.1",
        seats: 3,
        generated_at: store::now() - 120 * DAY,
    };
    store::registrations::insert(conn, &new).await
}

/// Puts a demo computer named `hostname` on the license `serial`, activated `days_ago` days
/// ago and seen an hour ago, so the license pages have machines to show. Takes the seat like a
/// real activation (a conditional update), so a full license refuses it.
pub async fn add_machine(pool: &Pool, serial: &str, hostname: &str, days_ago: i64) -> Result<MachineId> {
    let mut tx = store::begin(pool).await?;
    let license =
        store::licenses::by_serial(&mut tx, &Serial::parse("serial", serial)?).await?.ok_or(Error::NotFound)?;
    let seed: [u8; 32] = Sha256::digest(format!("tessera demo machine: {hostname}").as_bytes()).into();
    let now = store::now();
    if !store::licenses::claim_seat(&mut tx, &license.id).await? {
        tx.rollback().await?;
        return Err(Error::TooManyMachines(0));
    }
    let new = NewMachine {
        license_id: &license.id,
        fingerprint: &tessera_core::encoding::hex(&Sha256::digest(seed)),
        components: &tessera_core::Components::default(),
        hostname,
        machine_key: &tessera_core::SigningKey::from_seed(seed).public_key().to_base64(),
        app_version: "0.1.0",
        activated_at: now - days_ago * DAY,
        last_seen_at: now - 3600,
    };
    let id = store::machines::insert(&mut tx, &new)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("{hostname} is on {serial} already").into()))?;
    tx.commit().await?;
    Ok(id)
}

/// A portal with the demo data, serving in this process on a free port of 127.0.0.1: what
/// the client's, the CLI's and the end-to-end tests start, and a quick way to try the API.
#[derive(Debug)]
pub struct DemoPortal {
    /// `http://127.0.0.1:<port>`.
    pub url: String,
    /// Its public keys, comma-separated, as `TESSERA_TRUSTED_KEYS` takes them.
    pub trusted_keys: String,
    /// The demo customers and their credentials.
    pub demo: Seeded,
    /// The database, for tests that look behind the API.
    pub pool: Pool,
}

/// The demo vendor's support contact (`--support-contact` of `cargo xtask demo`).
pub const DEMO_SUPPORT: &str = "support@acme.example";

impl DemoPortal {
    /// Opens a portal on a fresh SQLite file in `data_dir`, seeds the demo data and serves it
    /// on a tokio task.
    pub async fn start(data_dir: std::path::PathBuf) -> Result<Self> {
        Self::start_with(data_dir, false).await
    }

    /// [`start`](Self::start), taking cards in test mode as `serve --demo` does when
    /// `test_cards`. It runs no renewal rounds: the tests that start it seed subscriptions
    /// after it serves, and a round meeting them half-seeded would make them past due.
    pub async fn start_with(data_dir: std::path::PathBuf, test_cards: bool) -> Result<Self> {
        let config = crate::Config {
            support_contact: Some(DEMO_SUPPORT.into()),
            test_cards,
            renewal_rounds: false,
            ..crate::Config::for_data_dir(data_dir)
        };
        let portal = crate::Portal::build(&config).await?;
        let url = format!("http://{}", portal.address()?);
        let pool = portal.pool().clone();
        let trusted_keys = portal.trusted_keys()?;
        let demo = seed(&pool).await?;
        tokio::spawn(portal.serve());
        Ok(Self { url, trusted_keys, demo, pool })
    }
}
