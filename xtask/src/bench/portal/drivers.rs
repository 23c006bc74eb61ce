//! sqlx's `Any` driver against the engine's own, on the same query: the cost of decoding every
//! row dynamically, measured before choosing a driver (the portal uses `Any`, one code path for
//! SQLite and PostgreSQL).

use std::time::{Duration, Instant};

use sqlx::Executor as _;
use tessera_portal::store::{self, Engine};

use crate::Result;

/// validation's lookup: the key's licenses of a product, and whether the machine holds a seat.
const LOOKUP: &str = "SELECT l.id, l.serial, l.status, l.expires_at, l.max_machines, l.used_machines, m.id AS machine_id \
     FROM licenses l JOIN customers c ON c.id = l.customer_id \
     LEFT JOIN machines m ON m.license_id = l.id AND m.fingerprint = $1 \
     WHERE c.activation_key = $2 AND l.product_id = $3 ORDER BY l.issued_at, l.serial";

/// Lookups per second through each driver.
#[derive(Debug, Clone, Copy)]
pub struct Drivers {
    pub any: f64,
    pub native: f64,
}

/// Runs [`LOOKUP`] for `key`, `product`, `fingerprint` from `connections` tasks for `seconds`
/// through `Any`, then through the engine's own driver, with the portal's connection settings.
pub async fn compare(
    url: &str,
    connections: usize,
    seconds: u64,
    (key, product, fingerprint): (&str, &str, &str),
) -> Result<Drivers> {
    let (any_pool, engine) = store::connect(url, u32::try_from(connections)?).await?;
    let args = (fingerprint.to_owned(), key.to_owned(), product.to_owned());
    // One lookup through `pool`, with the arguments bound afresh as the portal binds them.
    macro_rules! lookup {
        ($pool:expr) => {{
            let (pool, args) = ($pool.clone(), args.clone());
            move || {
                let (pool, args) = (pool.clone(), args.clone());
                async move {
                    let rows = sqlx::query(LOOKUP).bind(args.0).bind(args.1).bind(args.2).fetch_all(&pool).await?;
                    Ok(rows.len())
                }
            }
        }};
    }
    let any = rate(connections, seconds, lookup!(any_pool)).await?;
    any_pool.close().await;
    let native = match engine {
        Engine::Sqlite => {
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(u32::try_from(connections)?)
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        conn.execute(store::SQLITE_SETTINGS).await?;
                        Ok(())
                    })
                })
                .connect(url)
                .await?;
            let rate = rate(connections, seconds, lookup!(pool)).await?;
            pool.close().await;
            rate
        }
        Engine::Postgres => {
            let pool =
                sqlx::postgres::PgPoolOptions::new().max_connections(u32::try_from(connections)?).connect(url).await?;
            let rate = rate(connections, seconds, lookup!(pool)).await?;
            pool.close().await;
            rate
        }
    };
    Ok(Drivers { any, native })
}

/// Lookups per second from `tasks` tasks each calling `lookup` in a loop; each lookup must
/// find the license.
async fn rate<F, Fut>(tasks: usize, seconds: u64, lookup: F) -> Result<f64>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = Result<usize, sqlx::Error>> + Send,
{
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..tasks)
        .map(|_| {
            let lookup = lookup.clone();
            tokio::spawn(async move {
                let mut done = 0u64;
                while Instant::now() < deadline {
                    if lookup().await? == 0 {
                        return Err(sqlx::Error::RowNotFound);
                    }
                    done += 1;
                }
                Ok(done)
            })
        })
        .collect();
    let mut lookups = 0;
    for worker in workers {
        lookups += worker.await??;
    }
    Ok(lookups as f64 / started.elapsed().as_secs_f64())
}
