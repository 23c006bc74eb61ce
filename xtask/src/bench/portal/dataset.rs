//! The size runs' data set: generated customers, each with one license of the benchmark
//! product and one machine holding a seat of it, written in bulk by the database itself; a
//! sample of them spread over the whole set gets real activation keys and fingerprints, for
//! validation requests that land all over the tables' indexes.

use std::time::Instant;

use tessera_core::ActivationKey;
use tessera_portal::store::{self, Engine};

use super::seed::PRODUCT;
use crate::Result;

/// Rows written per statement.
const CHUNK: u64 = 100_000;
/// A machine key every generated machine shares (never used: they make no signed call).
const MACHINE_KEY: &str = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/// A generated license a validation request can name: its key and its machine's fingerprint.
#[derive(Debug, Clone)]
pub struct Target {
    pub key: ActivationKey,
    pub fingerprint: String,
}

/// Adds generated licenses `from..to` (each with its customer and one machine) to the
/// database at `url`, and returns `samples` of all those generated so far (`0..to`), spread
/// evenly, made valid for validation.
pub async fn grow(url: &str, from: u64, to: u64, samples: u64) -> Result<Vec<Target>> {
    let started = Instant::now();
    let (pool, engine) = store::connect(url, 2).await?;
    let numbers = match engine {
        // A recursive CTE counts in SQLite, generate_series in PostgreSQL.
        Engine::Sqlite => "WITH RECURSIVE n(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM n WHERE i < $2 - 1) ",
        Engine::Postgres => "WITH n(i) AS (SELECT generate_series($1::BIGINT, $2::BIGINT - 1)) ",
    };
    let now = store::now();
    let mut at = from;
    while at < to {
        let end = (at + CHUNK).min(to);
        let mut tx = pool.begin().await?;
        let (first, last) = (i64::try_from(at)?, i64::try_from(end)?);
        sqlx::query(&format!(
            "{numbers}INSERT INTO customers (id, company, email, country, city, activation_key, created_at) \
             SELECT 'gen-c-' || i, 'Generated ' || i, 'gen-' || i || '@bench.example', 'BG', 'Sofia', 'gen-key-' || i, $3 \
             FROM n"
        ))
        .bind(first)
        .bind(last)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&format!(
            "{numbers}INSERT INTO licenses (id, serial, customer_id, product_id, edition, features, users, max_machines, \
             used_machines, status, issued_at, created_at) \
             SELECT 'gen-l-' || i, 'GEN-' || i, 'gen-c-' || i, $4, 'Standard', '[]', 1, 5, 1, 'active', $3, $3 FROM n"
        ))
        .bind(first)
        .bind(last)
        .bind(now)
        .bind(PRODUCT)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&format!(
            "{numbers}INSERT INTO machines (id, license_id, fingerprint, components, hostname, machine_key, app_version, \
             activated_at, last_seen_at) \
             SELECT 'gen-m-' || i, 'gen-l-' || i, $4, '{{}}', 'GEN-' || i, $5, '0.1.0', $3, $3 FROM n"
        ))
        .bind(first)
        .bind(last)
        .bind(now)
        .bind(fingerprint(u64::MAX))
        .bind(MACHINE_KEY)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        at = end;
    }
    let targets = sample(to, samples);
    let mut tx = pool.begin().await?;
    for (number, target) in &targets {
        sqlx::query("UPDATE customers SET activation_key = $1 WHERE id = $2")
            .bind(target.key.as_str())
            .bind(format!("gen-c-{number}"))
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE machines SET fingerprint = $1 WHERE id = $2")
            .bind(&target.fingerprint)
            .bind(format!("gen-m-{number}"))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    if engine == Engine::Postgres {
        sqlx::query("ANALYZE").execute(&pool).await?;
    }
    pool.close().await;
    println!("  ({} licenses generated in {:.1} s)", to - from, started.elapsed().as_secs_f64());
    Ok(targets.into_iter().map(|(_, target)| target).collect())
}

/// `count` of the generated licenses `0..total`, evenly spread, with the key and
/// fingerprint each is given.
fn sample(total: u64, count: u64) -> Vec<(u64, Target)> {
    let count = count.min(total).max(1);
    (0..count)
        .map(|k| {
            let number = k * total / count;
            let mut bytes = [0u8; 15];
            bytes[..8].copy_from_slice(&number.to_be_bytes());
            bytes[8..].copy_from_slice(b"gen-key");
            (number, Target { key: ActivationKey::from_bytes(bytes), fingerprint: fingerprint(number) })
        })
        .collect()
}

/// 64 lowercase hex digits: a fingerprint digest as the portal stores it.
fn fingerprint(number: u64) -> String {
    format!("{number:064x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_spread_over_the_whole_set_with_distinct_keys() {
        let picked = sample(1_000_000, 4);
        let numbers: Vec<u64> = picked.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, [0, 250_000, 500_000, 750_000]);
        let keys: std::collections::HashSet<String> = picked.iter().map(|(_, t)| t.key.as_str().to_owned()).collect();
        assert_eq!(keys.len(), 4);
        assert!(picked.iter().all(|(_, t)| t.fingerprint.len() == 64));
        assert_eq!(sample(3, 10).len(), 3, "never more samples than licenses");
    }
}
