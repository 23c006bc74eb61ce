//! Several portal processes as one portal (#14, "Scale-out"): three real processes on one
//! PostgreSQL database run each background job in exactly one of them, and when its holder is
//! killed with SIGKILL another takes the jobs over within a minute, a queued mail reaching the
//! real SMTP server once; three processes sharing Redis allow 60 key requests a minute in total,
//! a Redis that stops answering never fails a request, and once it is back they share again.

mod common;

use std::collections::BTreeMap;
use std::time::Duration;

use common::process::{Process, start_with};
use common::redis::RedisServer;
use common::smtp::SmtpServer;
use tessera_portal::domain::MailKind;
use tessera_portal::store::{self, leases, mail};

/// The jobs a serving portal runs.
const JOBS: [&str; 4] = ["housekeeping", "mail", "renewals", "reminders"];

/// The process id in a lease holder's name (`portal_… pid N on host`).
fn pid_of(holder: &str) -> u32 {
    holder.split(" pid ").nth(1).and_then(|rest| rest.split(' ').next()).and_then(|pid| pid.parse().ok()).expect(holder)
}

/// The holder's process id of each job, once every job has one among `alive`, within `limit`.
async fn holders_among(pool: &store::Pool, alive: &[u32], limit: Duration) -> BTreeMap<String, u32> {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let now = store::now();
        let held: BTreeMap<String, u32> = leases::list(pool)
            .await
            .expect("the leases")
            .into_iter()
            .filter(|(_, _, expires_at)| *expires_at > now)
            .map(|(job, holder, _)| (job, pid_of(&holder)))
            .collect();
        if JOBS.iter().all(|job| held.get(*job).is_some_and(|pid| alive.contains(pid))) {
            return held;
        }
        assert!(tokio::time::Instant::now() < deadline, "the jobs are not all held by {alive:?}: {held:?}");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Queues a mail the way the portal does, in a transaction of its own.
async fn queue_mail(pool: &store::Pool, subject: &str) {
    let mut tx = pool.begin().await.expect("a transaction");
    let new = mail::NewMail {
        kind: MailKind::KeyResent,
        recipient: "ops@scale-out.example",
        language: "en",
        subject,
        body_text: "Sent by whichever process holds the mail job.",
        body_html: None,
        customer_id: None,
        order_id: None,
        license_id: None,
        carries_secret: false,
        reply_to: None,
        now: store::now(),
    };
    mail::enqueue(&mut tx, &new).await.expect("queued");
    tx.commit().await.expect("committed");
}

/// How many mails with `subject` the server received.
fn received(smtp: &SmtpServer, subject: &str) -> usize {
    let header = format!("Subject: {subject}");
    smtp.received().iter().filter(|raw| String::from_utf8_lossy(raw).contains(&header)).count()
}

/// Waits until the server received one mail with `subject`, within `limit`.
async fn wait_for_mail(smtp: &SmtpServer, subject: &str, limit: Duration) {
    let deadline = tokio::time::Instant::now() + limit;
    while received(smtp, subject) == 0 {
        assert!(tokio::time::Instant::now() < deadline, "'{subject}' never reached the SMTP server");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A process's `/metrics`, as name-with-labels → value.
async fn metrics(client: &reqwest::Client, base: &str) -> BTreeMap<String, f64> {
    let text = client.get(format!("{base}/metrics")).send().await.expect("metrics").text().await.expect("text");
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.rsplit_once(' '))
        .filter_map(|(name, value)| Some((name.to_owned(), value.parse().ok()?)))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_jobs_run_in_one_process_and_move_when_it_is_killed() {
    let Some(portal) = common::TestPortal::database_only(common::Db::Postgres).await else { return };
    let Some(smtp) = SmtpServer::start(&portal.dir.join("smtp")) else { return };
    let url = portal.config.database_url();
    let key = portal.dir.join("shared-signing-key.secret");
    let smtp_url = smtp.url();
    let mut processes: Vec<(Process, String)> = (0..3)
        .map(|n| start_with(&portal.dir.join(format!("p{n}")), &url, &key, false, &["--smtp-url", &smtp_url]))
        .collect();
    let pids: Vec<u32> = processes.iter().map(|(process, _)| process.pid()).collect();

    // Every job is held, each by one of the three, and the one holding the mail job sends.
    let held = holders_among(&portal.pool, &pids, Duration::from_secs(30)).await;
    queue_mail(&portal.pool, "Before the crash").await;
    wait_for_mail(&smtp, "Before the crash", Duration::from_secs(20)).await;
    // Of the three, exactly one says it holds the mail job.
    let mut holding = 0.0;
    for (_, base) in &processes {
        holding +=
            metrics(&portal.client, base).await.get("tessera_job_lease_held{job=\"mail\"}").copied().unwrap_or(-1.0);
    }
    assert!((holding - 1.0).abs() < f64::EPSILON, "processes saying they hold the mail job: {holding}");

    // The mail job's holder dies at once (SIGKILL: it gives nothing up), with a mail queued.
    let victim = held["mail"];
    let index = pids.iter().position(|pid| *pid == victim).expect("the holder is one of the three");
    let (mut dead, _) = processes.remove(index);
    dead.kill();
    let killed_at = tokio::time::Instant::now();
    queue_mail(&portal.pool, "After the crash").await;

    // Within a minute, the two left hold every job, the mail job among them, and send the mail.
    let alive: Vec<u32> = processes.iter().map(|(process, _)| process.pid()).collect();
    let taken = holders_among(&portal.pool, &alive, Duration::from_secs(60)).await;
    assert_ne!(taken["mail"], victim);
    wait_for_mail(&smtp, "After the crash", Duration::from_secs(60).saturating_sub(killed_at.elapsed())).await;
    assert!(killed_at.elapsed() < Duration::from_secs(60), "taken over in {:?}", killed_at.elapsed());
    let base = &processes[alive.iter().position(|pid| *pid == taken["mail"]).expect("alive")].1;
    let shown = metrics(&portal.client, base).await;
    assert_eq!(shown.get("tessera_job_lease_held{job=\"mail\"}"), Some(&1.0), "{shown:?}");
    assert!(shown.get("tessera_job_lease_takes_total{job=\"mail\"}").is_some_and(|n| *n >= 1.0), "{shown:?}");

    // Each mail went out once, none twice.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!((received(&smtp, "Before the crash"), received(&smtp, "After the crash")), (1, 1));
    drop(processes);
}

/// Sends `count` key requests spread over `bases`, 15 at a time; how many were let through (any
/// answer but 429), after checking that a refusal says when to come back and nothing failed.
async fn key_requests(client: &reqwest::Client, bases: &[String], count: usize) -> usize {
    let body = serde_json::json!({ "activation_key": "NOT-A-KEY", "product": "ledger", "fingerprint": "0".repeat(64) });
    let mut answers = Vec::new();
    for batch in (0..count).collect::<Vec<_>>().chunks(15) {
        let mut calls = tokio::task::JoinSet::new();
        for n in batch {
            let request = client.post(format!("{}/api/v1/validate", bases[n % bases.len()])).json(&body);
            calls.spawn(async move {
                let answer = request.send().await.expect("an answer");
                (answer.status().as_u16(), answer.headers().contains_key("retry-after"))
            });
        }
        answers.extend(calls.join_all().await);
    }
    assert!(answers.iter().all(|(status, _)| *status < 500), "a request failed: {answers:?}");
    assert!(answers.iter().filter(|(status, _)| *status == 429).all(|(_, retry)| *retry), "{answers:?}");
    answers.iter().filter(|(status, _)| *status != 429).count()
}

/// Waits until `base` says its Redis answers (it connects in the background at start).
async fn wait_for_redis(client: &reqwest::Client, base: &str) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while metrics(client, base).await.get("tessera_rate_limit_redis_up{}") != Some(&1.0) {
        assert!(tokio::time::Instant::now() < deadline, "{base} never reached Redis");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_processes_share_one_limit_through_redis() {
    let Some(mut redis) = RedisServer::start() else { return };
    let dir = std::env::temp_dir().join(format!("tessera-scale-out-{}", std::process::id()));
    let client = reqwest::Client::new();
    let start = |name: &str, settings: &[&str]| {
        let data = dir.join(name);
        let url = format!("sqlite://{}?mode=rwc", data.join("portal.db").display());
        start_with(&data, &url, &data.join("signing-key.secret"), false, settings)
    };
    let redis_url = redis.url();
    let shared = ["--key-requests-per-minute", "60", "--redis-url", redis_url.as_str()];
    let processes: Vec<(Process, String)> = ["a", "b", "c"].iter().map(|name| start(name, &shared)).collect();
    let bases: Vec<String> = processes.iter().map(|(_, base)| base.clone()).collect();
    for base in &bases {
        wait_for_redis(&client, base).await;
    }

    // 150 requests from one address over three processes sharing Redis: 60 (± 5 %) in all.
    let allowed = key_requests(&client, &bases, 150).await;
    let mut missed = 0.0;
    for base in &bases {
        missed += metrics(&client, base).await.get("tessera_rate_limit_redis_errors_total{}").copied().unwrap_or(0.0);
    }
    assert!(
        (57..=63).contains(&allowed),
        "three processes sharing one limit of 60 let {allowed} through ({missed} counts Redis did not make)"
    );

    // The same three processes without Redis each count their own: far more get through.
    let alone = ["--key-requests-per-minute", "60"];
    let separate: Vec<(Process, String)> = ["d", "e", "f"].iter().map(|name| start(name, &alone)).collect();
    let separate_bases: Vec<String> = separate.iter().map(|(_, base)| base.clone()).collect();
    let allowed_alone = key_requests(&client, &separate_bases, 150).await;
    assert!(allowed_alone > 120, "three processes counting alone let {allowed_alone} of 150 through");

    // Redis stops answering: no request fails; each process counts its own and says so.
    redis.stop();
    let allowed_without = key_requests(&client, &bases[..1], 10).await;
    assert_eq!(allowed_without, 10, "a process counting alone lets its first 10 through");
    let shown = metrics(&client, &bases[0]).await;
    assert_eq!(shown.get("tessera_rate_limit_redis_up{}"), Some(&0.0), "{shown:?}");
    assert!(shown.get("tessera_rate_limit_redis_errors_total{}").is_some_and(|n| *n >= 1.0), "{shown:?}");

    // Redis is back (empty): the processes share the limit again, without a restart.
    redis.resume();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    for base in &bases {
        // Each process finds its connection again at its next counts.
        loop {
            key_requests(&client, std::slice::from_ref(base), 1).await;
            if metrics(&client, base).await.get("tessera_rate_limit_redis_up{}") == Some(&1.0) {
                break;
            }
            assert!(tokio::time::Instant::now() < deadline, "{base} never found Redis again");
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }
    // The last request of each process's wait was counted in the new Redis: 3 of the 60.
    let allowed_again = key_requests(&client, &bases, 150).await + bases.len();
    assert!((57..=63).contains(&allowed_again), "after Redis came back, three processes let {allowed_again} through");
    drop((processes, separate));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_redis_url_that_does_not_parse_stops_the_portal_at_start_without_its_password() {
    let dir = std::env::temp_dir().join(format!("tessera-bad-redis-{}", std::process::id()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tessera-portal"))
        .arg("--data-dir")
        .arg(&dir)
        .args(["--listen", "127.0.0.1:0", "--redis-url", "http://:s3cret@redis.internal:6379", "serve"])
        .env("TESSERA_LOG", "warn")
        .output()
        .expect("tessera-portal runs");
    let _ = std::fs::remove_dir_all(&dir);
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{message}");
    assert!(message.contains("Redis URL"), "{message}");
    assert!(!message.contains("s3cret"), "the password reached the log: {message}");
}
