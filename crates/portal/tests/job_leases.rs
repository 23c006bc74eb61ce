//! The renewal job's lease, on both databases: taken by one holder, renewed by it, refused to
//! another until it runs out, then taken over; of ten processes asking at once, one gets it;
//! a serving portal holds it.

mod common;

use tessera_portal::store::leases;

on_both_databases!(a_job_lease_has_one_holder_at_a_time, |portal: common::TestPortal| async move {
    let pool = &portal.pool;
    // A serving portal took the renewals' lease at its first tick.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(10);
    let serving = loop {
        let holder: Option<String> = sqlx::query_scalar("SELECT holder FROM job_leases WHERE name = 'renewals'")
            .fetch_optional(pool)
            .await
            .expect("the lease");
        if let Some(holder) = holder {
            break holder;
        }
        assert!(tokio::time::Instant::now() < deadline, "the serving portal never took the renewals' lease");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(serving.starts_with("portal_"), "{serving}");

    // Taken, refused to another, renewed by its holder, taken over once it ran out.
    let job = "test-job";
    assert!(leases::take(pool, job, "a", 1_000, 1_100).await.expect("take"), "free: taken");
    assert!(!leases::take(pool, job, "b", 1_050, 1_150).await.expect("take"), "held by a until 1100");
    assert!(leases::take(pool, job, "a", 1_090, 1_190).await.expect("take"), "a renews its own");
    assert!(!leases::take(pool, job, "b", 1_189, 1_289).await.expect("take"), "renewed until 1190");
    assert!(leases::take(pool, job, "b", 1_190, 1_290).await.expect("take"), "ran out: b takes it over");
    assert!(!leases::take(pool, job, "a", 1_200, 1_300).await.expect("take"), "a lost it");
    leases::release(pool, job, "a").await.expect("release");
    assert!(!leases::take(pool, job, "a", 1_201, 1_301).await.expect("take"), "a cannot release b's lease");
    leases::release(pool, job, "b").await.expect("release");
    assert!(leases::take(pool, job, "a", 1_202, 1_302).await.expect("take"), "released: taken at once");

    // Ten holders asking at the same moment for a free lease: exactly one gets it.
    let mut asks = tokio::task::JoinSet::new();
    for n in 0..10 {
        let pool = pool.clone();
        asks.spawn(async move { leases::take(&pool, "burst", &format!("p{n}"), 5_000, 5_100).await.expect("take") });
    }
    let mut taken = 0;
    while let Some(answer) = asks.join_next().await {
        taken += usize::from(answer.expect("a task"));
    }
    assert_eq!(taken, 1, "one holder of ten");
});
