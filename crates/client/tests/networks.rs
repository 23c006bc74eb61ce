//! Networks as customers have them: a portal that never answers, an answer lost on the way.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use tessera_client::{Settings, Timeouts};
use tokio::io::AsyncReadExt as _;
use tokio::net::{TcpListener, TcpStream};

fn short() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(1),
        attempt: Duration::from_secs(1),
        operation: Duration::from_millis(2500),
    }
}

#[test]
fn the_default_timeouts_keep_a_customer_waiting_thirty_seconds_at_most() {
    let timeouts = Timeouts::default();
    assert_eq!(timeouts.connect, Duration::from_secs(10));
    assert!(timeouts.attempt < timeouts.operation, "a timed-out attempt leaves time for a retry");
    assert_eq!(timeouts.operation, Duration::from_secs(30));
}

#[tokio::test]
async fn a_portal_that_accepts_and_says_nothing_times_out_within_the_operations_limit() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let connections = Arc::new(AtomicU32::new(0));
    let seen = connections.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            held.push(socket); // accepted, never answered
        }
    });
    let keys = tessera_core::PublicKeySet::from_keys([tessera_core::example::portal_key().public_key()]).expect("keys");
    let (mut client, _) = common::client(40, &url, &keys);
    client.set_timeouts(short());
    let started = Instant::now();
    let error = client.activate(&tessera_core::example::activation_key().to_string()).await.expect_err("silence");
    let waited = started.elapsed();
    assert_eq!(error.code(), "PORTAL_TIMEOUT", "{error}");
    assert!(waited < Duration::from_millis(3500), "the operation's limit holds, retries included: {waited:?}");
    assert!(connections.load(Ordering::SeqCst) >= 2, "a timed-out attempt is tried again within the limit");
}

/// Forwards to `portal`, except that the first connection's answer is swallowed: the portal
/// did the work, the client never hears of it.
async fn answer_losing_relay(portal: &str) -> (String, Arc<AtomicU32>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("port");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let target = portal.trim_start_matches("http://").to_owned();
    let connections = Arc::new(AtomicU32::new(0));
    let count = connections.clone();
    tokio::spawn(async move {
        while let Ok((mut inbound, _)) = listener.accept().await {
            let n = count.fetch_add(1, Ordering::SeqCst);
            let target = target.clone();
            tokio::spawn(async move {
                let mut outbound = TcpStream::connect(&target).await.expect("portal");
                if n == 0 {
                    let (mut from_client, _keep_open) = inbound.split();
                    let (mut from_portal, mut to_portal) = outbound.split();
                    let mut sink = Vec::new();
                    let _ = tokio::join!(
                        tokio::io::copy(&mut from_client, &mut to_portal),
                        from_portal.read_to_end(&mut sink)
                    );
                    tokio::time::sleep(Duration::from_secs(30)).await;
                } else {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    (url, connections)
}

#[tokio::test]
async fn a_refresh_whose_answer_was_lost_is_retried_with_a_new_nonce_and_succeeds() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(41, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    let (relay, connections) = answer_losing_relay(&portal.url).await;
    let settings = Settings { portal_url: relay, ..client.settings().clone() };
    client.save_settings(settings, None).expect("settings");
    client.set_timeouts(Timeouts { operation: Duration::from_secs(10), ..short() });

    let status = client.refresh().await.expect("the retry is a new signed call, not a replay");
    assert_eq!(status.code, "VALID", "{}", status.message);
    assert_eq!(connections.load(Ordering::SeqCst), 2, "the first answer was lost, the second attempt got one");
}

#[tokio::test]
async fn a_deactivation_whose_answer_was_lost_still_frees_the_seat_and_forgets_the_license() {
    let portal = common::TestPortal::start().await;
    let (mut client, _) = common::client(42, &portal.url, &portal.keys);
    client.activate(&portal.key()).await.expect("activate");
    let (relay, connections) = answer_losing_relay(&portal.url).await;
    let settings = Settings { portal_url: relay, ..client.settings().clone() };
    client.save_settings(settings, None).expect("settings");
    client.set_timeouts(Timeouts { operation: Duration::from_secs(10), ..short() });

    client.deactivate().await.expect("the seat was freed by the first attempt; the retry finds it free");
    assert_eq!(connections.load(Ordering::SeqCst), 2);
    assert_eq!(client.status().expect("status").code, "NOT_ACTIVATED");
}
