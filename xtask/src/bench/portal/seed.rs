//! What the load needs in the portal's database beside the demo data: a product of its own
//! and a license of it with seats for every machine a run activates. Written with the
//! portal's own code (tessera-portal as a library) into the database the process serves.

use sqlx::AnyPool;
use tessera_core::ActivationKey;
use tessera_portal::{demo, store};

use crate::Result;

/// The product the benchmark's machines run.
pub const PRODUCT: &str = "tessera-bench";
/// Seats of the benchmark license: more than any run can activate.
const SEATS: i64 = 1_000_000_000;

/// The benchmark license and the key that activates it.
#[derive(Debug)]
pub struct Seeded {
    pub license_id: String,
    pub activation_key: ActivationKey,
    pub database: DatabaseFacts,
}

/// A database's version and commit settings, read back from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseFacts {
    /// e.g. `SQLite 3.46.0`.
    pub version: String,
    /// How commits are made, e.g. `journal_mode=WAL, synchronous=FULL`.
    pub settings: String,
    /// Whether an acknowledged commit survives a power cut.
    pub durable: bool,
}

/// Adds the product and the license to the database at `url`, whose demo data the portal
/// process has already seeded.
pub async fn seed(url: &str) -> Result<Seeded> {
    // store::connect applies the portal's per-connection settings (SQLite's pragmas) and its
    // migrations (already run by the process: nothing to do).
    let (pool, engine) = store::connect(url, 2).await?;
    let customer = demo::seed(&pool).await?.customers.into_iter().next().ok_or("the demo data has no customer")?;
    let activation_key = ActivationKey::parse(&customer.activation_key)?;
    let customer_id: String = sqlx::query_scalar("SELECT id FROM customers WHERE activation_key = $1")
        .bind(activation_key.as_str())
        .fetch_one(&pool)
        .await?;
    sqlx::query(
        "INSERT INTO products (id, name, match_policy, refresh_days, grace_days, created_at) \
         VALUES ($1, 'Benchmark', 'fuzzy', 30, 15, $2)",
    )
    .bind(PRODUCT)
    .bind(store::now())
    .execute(&pool)
    .await?;
    let license_id = store::licenses::create(
        &pool,
        &store::licenses::NewLicense {
            serial: &tessera_portal::domain::Serial::stored("BENCH"),
            customer_id: &customer_id,
            order_id: None,
            product_id: PRODUCT,
            edition: "Standard",
            features: &[],
            users: 1,
            max_machines: SEATS,
            issued_at: store::now() - 60,
            expires_at: None,
        },
    )
    .await?
    .ok_or("the bench database has a license BENCH already")?;
    let database = facts(&pool, engine).await?;
    pool.close().await;
    Ok(Seeded { license_id: license_id.to_string(), activation_key, database })
}

/// The seats taken on the benchmark license: one per machine activated.
pub async fn seats_taken(url: &str, license_id: &str) -> Result<u64> {
    let (pool, _) = store::connect(url, 1).await?;
    let used: i64 = sqlx::query_scalar("SELECT used_machines FROM licenses WHERE id = $1")
        .bind(license_id)
        .fetch_one(&pool)
        .await?;
    pool.close().await;
    Ok(u64::try_from(used)?)
}

/// Reads the version and commit settings from a connection made by the portal's own `store::connect`.
async fn facts(pool: &AnyPool, engine: store::Engine) -> Result<DatabaseFacts> {
    Ok(match engine {
        store::Engine::Sqlite => {
            let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(pool).await?;
            let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(pool).await?;
            let level = ["OFF", "NORMAL", "FULL", "EXTRA"].get(usize::try_from(synchronous)?).copied().unwrap_or("?");
            let version: String = sqlx::query_scalar("SELECT sqlite_version()").fetch_one(pool).await?;
            DatabaseFacts {
                version: format!("SQLite {version}"),
                settings: format!("journal_mode={}, synchronous={level}", journal.to_uppercase()),
                durable: journal.eq_ignore_ascii_case("wal") && synchronous >= 2,
            }
        }
        store::Engine::Postgres => {
            let fsync: String = sqlx::query_scalar("SHOW fsync").fetch_one(pool).await?;
            let commit: String = sqlx::query_scalar("SHOW synchronous_commit").fetch_one(pool).await?;
            let version: String = sqlx::query_scalar("SHOW server_version").fetch_one(pool).await?;
            DatabaseFacts {
                version: format!("PostgreSQL {}", version.split_whitespace().next().unwrap_or(&version)),
                settings: format!("fsync={fsync}, synchronous_commit={commit}"),
                durable: fsync == "on" && commit != "off",
            }
        }
    })
}
