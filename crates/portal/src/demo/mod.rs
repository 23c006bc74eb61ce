//! Demo data: a vendor's products, customers with orders, licenses and support terms, as in seed 000;
//! managers, news and contracts, as in seed 002.

use sha2::{Digest as _, Sha256};
use sqlx::{AnyConnection, AnyPool, Row as _};
use tessera_core::{ActivationKey, Grant, InstallationKey, RegistrationKey};

use crate::db::{self, new_id};
use crate::error::{Error, Result};
use crate::licensing::{self, NewLicense};

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
const YEAR: i64 = 365 * DAY;

struct OrderSpec {
    reference: &'static str,
    days_ago: i64,
    currency: &'static str,
    items: &'static [(&'static str, &'static str, &'static str, i64, i64)],
}

struct LicenseSpec {
    serial: &'static str,
    order: usize,
    product: &'static str,
    edition: &'static str,
    users: i64,
    machines: i64,
    term_years: Option<i64>,
    support_years: Option<i64>,
}

struct CustomerSpec {
    company: &'static str,
    email: &'static str,
    country: &'static str,
    city: &'static str,
    contact: (&'static str, &'static str),
    orders: &'static [OrderSpec],
    licenses: &'static [LicenseSpec],
}

const CUSTOMERS: &[CustomerSpec] = &[
    CustomerSpec {
        company: "Northwind Traders",
        email: "demo@northwind.example",
        country: "France",
        city: "Lyon",
        contact: ("Camille", "Durand"),
        orders: &[
            OrderSpec {
                reference: "JWT11408",
                days_ago: 30,
                currency: "EUR",
                items: &[("acme-ledger", "LED-ENT-3", "Acme Ledger Enterprise, 3 users", 1, 89_900)],
            },
            OrderSpec {
                reference: "JWT19",
                days_ago: 540,
                currency: "EUR",
                items: &[
                    ("acme-ledger", "LED-ENT-10", "Acme Ledger Enterprise, 10 users", 1, 249_000),
                    ("acme-ledger", "SUP-2Y", "Support and updates, 2 years", 1, 49_800),
                ],
            },
            OrderSpec {
                reference: "JWT18",
                days_ago: 760,
                currency: "EUR",
                items: &[("acme-payroll", "PAY-PRO-25", "Acme Payroll Professional, 25 users", 1, 399_000)],
            },
        ],
        licenses: &[
            LicenseSpec {
                serial: "P30",
                order: 0,
                product: "acme-ledger",
                edition: "Enterprise",
                users: 3,
                machines: 2,
                term_years: Some(1),
                support_years: Some(1),
            },
            LicenseSpec {
                serial: "P65",
                order: 1,
                product: "acme-ledger",
                edition: "Enterprise",
                users: 10,
                machines: 5,
                term_years: None,
                support_years: Some(2),
            },
            LicenseSpec {
                serial: "P24",
                order: 2,
                product: "acme-payroll",
                edition: "Professional",
                users: 25,
                machines: 1,
                term_years: Some(3),
                support_years: None,
            },
        ],
    },
    CustomerSpec {
        company: "Contoso Pharmacy",
        email: "it@contoso.example",
        country: "Italy",
        city: "Torino",
        contact: ("Giulia", "Romano"),
        orders: &[OrderSpec {
            reference: "JWT20417",
            days_ago: 12,
            currency: "EUR",
            items: &[("acme-ledger", "LED-STD-1", "Acme Ledger Standard, 1 user", 1, 29_900)],
        }],
        licenses: &[LicenseSpec {
            serial: "P71",
            order: 0,
            product: "acme-ledger",
            edition: "Standard",
            users: 1,
            machines: 1,
            term_years: Some(1),
            support_years: Some(1),
        }],
    },
];

/// Seeds the demo data unless customers exist already; returns the demo credentials either way.
pub async fn seed(pool: &AnyPool) -> Result<Seeded> {
    // One transaction: a start interrupted while seeding leaves no demo data, never a part of it.
    let mut tx = pool.begin().await?;
    // A write first: SQLite then takes the write lock at once, waiting for other writers (the
    // busy timeout), instead of failing later to upgrade the read lock of the count below.
    sqlx::query("UPDATE products SET name = name WHERE 1 = 0").execute(&mut *tx).await?;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM customers").fetch_one(&mut *tx).await?;
    if existing == 0 {
        insert_products(&mut tx).await?;
        for customer in CUSTOMERS {
            insert_customer(&mut tx, customer).await?;
        }
        insert_profiles_news_contracts(&mut tx).await?;
        insert_registration(&mut tx).await?;
    }
    tx.commit().await?;
    let mut customers = Vec::new();
    for spec in CUSTOMERS {
        let row = sqlx::query("SELECT id, activation_key FROM customers WHERE email = $1")
            .bind(spec.email)
            .fetch_optional(pool)
            .await?;
        let Some(row) = row else { continue };
        let id: String = row.try_get(0)?;
        let orders: Vec<String> =
            sqlx::query_scalar("SELECT reference FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC")
                .bind(&id)
                .fetch_all(pool)
                .await?;
        customers.push(DemoCustomer {
            company: spec.company.into(),
            email: spec.email.into(),
            orders,
            activation_key: row.try_get(1)?,
        });
    }
    Ok(Seeded { customers })
}

async fn insert_products(conn: &mut AnyConnection) -> Result<()> {
    let now = db::now();
    for (id, name, policy) in [("acme-ledger", "Acme Ledger", "fuzzy"), ("acme-payroll", "Acme Payroll", "exact")] {
        sqlx::query(
            "INSERT INTO products (id, name, match_policy, refresh_days, grace_days, created_at) \
             VALUES ($1, $2, $3, 30, 15, $4)",
        )
        .bind(id)
        .bind(name)
        .bind(policy)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    for (product, edition, sku, features) in [
        ("acme-ledger", "Standard", "LED-STD", r#"["ledger"]"#),
        ("acme-ledger", "Enterprise", "LED-ENT", r#"["ledger","multi-currency","consolidation"]"#),
        ("acme-payroll", "Professional", "PAY-PRO", r#"["payroll","time-tracking"]"#),
    ] {
        sqlx::query("INSERT INTO editions (id, product_id, name, sku, features) VALUES ($1, $2, $3, $4, $5)")
            .bind(new_id("edn"))
            .bind(product)
            .bind(edition)
            .bind(sku)
            .bind(features)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn insert_customer(conn: &mut AnyConnection, spec: &CustomerSpec) -> Result<()> {
    let now = db::now();
    let customer_id = new_id("cus");
    sqlx::query(
        "INSERT INTO customers (id, company, email, country, city, activation_key, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&customer_id)
    .bind(spec.company)
    .bind(spec.email)
    .bind(spec.country)
    .bind(spec.city)
    .bind(demo_key(spec.company).as_str())
    .bind(now - 800 * DAY)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO contacts (id, customer_id, first_name, last_name, email, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(new_id("con"))
    .bind(&customer_id)
    .bind(spec.contact.0)
    .bind(spec.contact.1)
    .bind(spec.email)
    .bind(now - 800 * DAY)
    .execute(&mut *conn)
    .await?;
    let mut order_ids = Vec::new();
    for order in spec.orders {
        let order_id = new_id("ord");
        let total: i64 = order.items.iter().map(|i| i.3 * i.4).sum();
        sqlx::query(
            "INSERT INTO orders (id, customer_id, reference, placed_at, currency, total_minor) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&order_id)
        .bind(&customer_id)
        .bind(order.reference)
        .bind(now - order.days_ago * DAY)
        .bind(order.currency)
        .bind(total)
        .execute(&mut *conn)
        .await?;
        for (product, sku, description, quantity, unit) in order.items {
            sqlx::query(
                "INSERT INTO order_items (id, order_id, product_id, sku, description, quantity, subtotal_minor) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(new_id("itm"))
            .bind(&order_id)
            .bind(*product)
            .bind(*sku)
            .bind(*description)
            .bind(*quantity)
            .bind(quantity * unit)
            .execute(&mut *conn)
            .await?;
        }
        order_ids.push((order_id, now - order.days_ago * DAY));
    }
    for license in spec.licenses {
        let (order_id, placed_at) =
            order_ids.get(license.order).ok_or_else(|| Error::Internal("demo license names a missing order".into()))?;
        let features: Vec<String> = match license.edition {
            "Enterprise" => vec!["ledger".into(), "multi-currency".into(), "consolidation".into()],
            "Professional" => vec!["payroll".into(), "time-tracking".into()],
            _ => vec!["ledger".into()],
        };
        let license_id = licensing::create_license(
            &mut *conn,
            &NewLicense {
                serial: license.serial,
                customer_id: &customer_id,
                order_id: Some(order_id),
                product_id: license.product,
                edition: license.edition,
                features: &features,
                users: license.users,
                max_machines: license.machines,
                issued_at: *placed_at,
                expires_at: license.term_years.map(|y| placed_at + y * YEAR),
            },
        )
        .await?;
        if let Some(years) = license.support_years {
            sqlx::query(
                "INSERT INTO support_terms (id, license_id, order_id, starts_at, years, ends_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id("sup"))
            .bind(&license_id)
            .bind(order_id)
            .bind(placed_at)
            .bind(years)
            .bind(placed_at + years * YEAR)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Each demo customer's manager and telephone (seed 002's profile), by e-mail.
const PROFILES: &[(&str, &str, &str)] = &[
    ("demo@northwind.example", "Hélène Marchand", "+33 4 72 10 45 80"),
    ("it@contoso.example", "Marco Bianchi", "+39 011 561 2290"),
];

/// The vendor's news: days ago, title, text (a blank line between paragraphs).
const NEWS: &[(i64, &str, &str)] = &[
    (
        3,
        "Acme Ledger 5.2 is out",
        "Version 5.2 brings the new VAT return forms and a faster year-end closing.\n\n\
         Customers with support and updates download it from the Programs and keys page; \
         the activation key stays the same.",
    ),
    (
        20,
        "Support hours over the holidays",
        "Between Christmas and New Year our support desk answers from 10:00 to 14:00 (CET).\n\
         Licensing questions sent by e-mail are answered on the next working day.\n\n\
         We wish you happy holidays!",
    ),
    (
        45,
        "New: offline activation in the portal",
        "A computer without internet can now be activated from the Offline activation page: upload \
         the request file the program saves, then take the response file back to the computer.\n\n\
         A deactivation receipt frees a seat the same way.",
    ),
    (
        90,
        "Acme Payroll 3.4: new payslip layouts",
        "Acme Payroll 3.4 adds two payslip layouts and exports payments as SEPA XML.\n\n\
         The update is free for customers with a support term.",
    ),
];

struct ContractSpec {
    customer: &'static str,
    days_ago: i64,
    document_type: &'static str,
    subscription_type: &'static str,
    monthly_price_minor: i64,
    status: &'static str,
}

/// Northwind's contracts over the years and Contoso's one (seed 002's Contracts).
const CONTRACTS: &[ContractSpec] = &[
    ContractSpec {
        customer: "demo@northwind.example",
        days_ago: 760,
        document_type: "contract",
        subscription_type: "annual",
        monthly_price_minor: 12_900,
        status: "expired",
    },
    ContractSpec {
        customer: "demo@northwind.example",
        days_ago: 395,
        document_type: "contract",
        subscription_type: "annual",
        monthly_price_minor: 124_000,
        status: "active",
    },
    ContractSpec {
        customer: "demo@northwind.example",
        days_ago: 30,
        document_type: "annex",
        subscription_type: "annual",
        monthly_price_minor: 2_490,
        status: "active",
    },
    ContractSpec {
        customer: "it@contoso.example",
        days_ago: 12,
        document_type: "contract",
        subscription_type: "monthly",
        monthly_price_minor: 4_275,
        status: "active",
    },
];

/// Managers and telephones, the vendor's news and the customers' contracts.
async fn insert_profiles_news_contracts(conn: &mut AnyConnection) -> Result<()> {
    use chrono::Datelike as _;
    let now = db::now();
    for (email, manager, phone) in PROFILES {
        sqlx::query("UPDATE customers SET manager = $1, phone = $2 WHERE email = $3")
            .bind(*manager)
            .bind(*phone)
            .bind(*email)
            .execute(&mut *conn)
            .await?;
    }
    for (days_ago, title, body) in NEWS {
        sqlx::query("INSERT INTO news (id, published_at, title, body) VALUES ($1, $2, $3, $4)")
            .bind(new_id("nws"))
            .bind(now - days_ago * DAY)
            .bind(*title)
            .bind(*body)
            .execute(&mut *conn)
            .await?;
    }
    for contract in CONTRACTS {
        let signed_at = now - contract.days_ago * DAY;
        let year = chrono::DateTime::from_timestamp(signed_at, 0).map_or(1970, |at| i64::from(at.year()));
        let customer: String = sqlx::query_scalar("SELECT id FROM customers WHERE email = $1")
            .bind(contract.customer)
            .fetch_one(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO contracts (id, customer_id, year, document_type, subscription_type, monthly_price_minor, \
             currency, signed_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'EUR', $7, $8)",
        )
        .bind(new_id("ctr"))
        .bind(&customer)
        .bind(year)
        .bind(contract.document_type)
        .bind(contract.subscription_type)
        .bind(contract.monthly_price_minor)
        .bind(signed_at)
        .bind(contract.status)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// One registration key generated for Northwind's P65 four months ago (seed 002's Programs and
/// information), so the demo shows every column. The demo is seeded without the portal's signing
/// key (`tessera-portal demo` may seed a database no portal serves yet), so this key is signed by
/// a fixed demo key: a record of a key handed out, which the portal never verifies.
async fn insert_registration(conn: &mut AnyConnection) -> Result<()> {
    let row = sqlx::query(
        "SELECT l.id, l.customer_id, (SELECT MAX(s.ends_at) FROM support_terms s WHERE s.license_id = l.id) \
         FROM licenses l WHERE l.serial = $1",
    )
    .bind("P65")
    .fetch_one(&mut *conn)
    .await?;
    let support_until: Option<i64> = row.try_get(2)?;
    let machine = tessera_core::FingerprintDigest(Sha256::digest(b"tessera demo machine: ACCOUNTS-PC").into());
    let install = InstallationKey::new("acme-ledger", (5, 1), 3, machine);
    let grant = Grant {
        seats: 3,
        expires: None,
        support_until: support_until.and_then(|at| chrono::DateTime::from_timestamp(at, 0)).map(|at| at.date_naive()),
    };
    let signer = tessera_core::SigningKey::from_seed(Sha256::digest(b"tessera demo registration signer").into());
    sqlx::query(
        "INSERT INTO registrations (id, license_id, customer_id, installation_key, registration_key, version, seats, \
         generated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id("reg"))
    .bind(row.try_get::<String, _>(0)?)
    .bind(row.try_get::<String, _>(1)?)
    .bind(install.to_string())
    .bind(RegistrationKey::issue(&install, grant, &signer).to_string())
    .bind("5.1")
    .bind(3_i64)
    .bind(db::now() - 120 * DAY)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Puts a demo computer named `hostname` on the license `serial`, activated `days_ago` days
/// ago and seen an hour ago, so the license pages have machines to show. Takes the seat like a
/// real activation (a conditional update), so a full license refuses it.
pub async fn add_machine(pool: &AnyPool, serial: &str, hostname: &str, days_ago: i64) -> Result<String> {
    let license: String = sqlx::query_scalar("SELECT id FROM licenses WHERE serial = $1")
        .bind(serial)
        .fetch_optional(pool)
        .await?
        .ok_or(Error::NotFound)?;
    let seed: [u8; 32] = Sha256::digest(format!("tessera demo machine: {hostname}").as_bytes()).into();
    let fingerprint = tessera_core::encoding::hex(&Sha256::digest(seed));
    let machine_key = tessera_core::SigningKey::from_seed(seed).public_key().to_base64();
    let components = serde_json::to_string(&tessera_core::Components::default())
        .map_err(|e| Error::Internal(format!("components: {e}")))?;
    let now = db::now();
    let id = new_id("mch");
    let mut tx = pool.begin().await?;
    let taken = sqlx::query(
        "UPDATE licenses SET used_machines = used_machines + 1 WHERE id = $1 AND used_machines < max_machines",
    )
    .bind(&license)
    .execute(&mut *tx)
    .await?;
    if taken.rows_affected() == 0 {
        tx.rollback().await?;
        return Err(Error::TooManyMachines(0));
    }
    sqlx::query(
        "INSERT INTO machines (id, license_id, fingerprint, components, hostname, machine_key, app_version, \
         activated_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, '0.1.0', $7, $8)",
    )
    .bind(&id)
    .bind(&license)
    .bind(fingerprint)
    .bind(components)
    .bind(hostname)
    .bind(machine_key)
    .bind(now - days_ago * DAY)
    .bind(now - 3600)
    .execute(&mut *tx)
    .await?;
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
    pub pool: AnyPool,
}

/// The demo vendor's support contact (`--support-contact` of `cargo xtask demo`).
pub const DEMO_SUPPORT: &str = "support@acme.example";

impl DemoPortal {
    /// Opens a portal on a fresh SQLite file in `data_dir`, seeds the demo data and serves it
    /// on a tokio task.
    pub async fn start(data_dir: std::path::PathBuf) -> Result<Self> {
        let config =
            crate::Config { support_contact: Some(DEMO_SUPPORT.into()), ..crate::Config::for_data_dir(data_dir) };
        let portal = crate::Portal::build(&config).await?;
        let url = format!("http://{}", portal.address()?);
        let pool = portal.pool().clone();
        let trusted_keys = portal.trusted_keys()?;
        let demo = seed(&pool).await?;
        tokio::spawn(portal.serve());
        Ok(Self { url, trusted_keys, demo, pool })
    }
}
