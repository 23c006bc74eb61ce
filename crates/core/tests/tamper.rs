//! Every single-byte change and every truncation of a signed file is refused.
//!
//! Exhaustive over the bytes of the committed vectors: each position, each other byte
//! value. A failure names the byte that was changed, its line and column, and what the
//! file was accepted as.

mod common;

use std::thread;

use tessera_core::{ActivationRequest, ActivationResponse, DeactivationReceipt, LicenseFile, PublicKey, Result};

/// Runs `accepts` on every one-byte variant of `original`, split over the cores, and
/// lists the variants it accepted.
fn accepted_single_byte_changes(original: &str, accepts: &(dyn Fn(&str) -> bool + Sync)) -> Vec<String> {
    let bytes = original.as_bytes();
    let threads = thread::available_parallelism().map_or(2, usize::from);
    let chunk = bytes.len().div_ceil(threads);
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mut accepted = Vec::new();
                    let mut variant = bytes.to_vec();
                    for index in (t * chunk)..((t + 1) * chunk).min(bytes.len()) {
                        for value in 0..=255u8 {
                            if value == bytes[index] {
                                continue;
                            }
                            variant[index] = value;
                            // A variant that is not UTF-8 cannot even be handed over as text.
                            if let Ok(text) = std::str::from_utf8(&variant)
                                && accepts(text)
                            {
                                let (line, column) = common::locate(bytes, index);
                                accepted.push(format!(
                                    "byte {index} (line {line}, column {column}) changed from {:?} to {:?}",
                                    char::from(bytes[index]),
                                    char::from(value)
                                ));
                            }
                        }
                        variant[index] = bytes[index];
                    }
                    accepted
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("worker")).collect()
    })
}

fn accepted_truncations(original: &str, accepts: &dyn Fn(&str) -> bool) -> Vec<usize> {
    (0..original.len()).filter(|&len| original.is_char_boundary(len) && accepts(&original[..len])).collect()
}

fn check(name: &str, accepts: &(dyn Fn(&str) -> bool + Sync)) {
    let original = common::read_vector(name);
    assert!(accepts(&original), "the untouched {name} must be accepted, or this test proves nothing");
    let changed = accepted_single_byte_changes(&original, accepts);
    assert!(changed.is_empty(), "{name} accepted {} altered versions:\n{}", changed.len(), changed.join("\n"));
    let truncated = accepted_truncations(&original, accepts);
    assert!(truncated.is_empty(), "{name} accepted truncations to lengths {truncated:?}");
}

fn ok<T>(result: Result<T>) -> bool {
    result.is_ok()
}

#[test]
fn a_license_file_with_any_byte_changed_or_cut_off_is_refused() {
    let trusted = common::trusted();
    check("license.txt", &|text| ok(LicenseFile::decode(text).and_then(|f| f.verify(&trusted))));
}

#[test]
fn an_activation_request_with_any_byte_changed_or_cut_off_is_refused() {
    // Self-signed: also pin the machine key, as the portal does on re-activation, so a
    // change to the key itself counts as a change.
    let machine = tessera_core::example::machine_key().public_key();
    check("activation-request.txt", &|text| {
        ActivationRequest::decode(text).and_then(|f| f.verify_self_signed()).is_ok_and(|p| p.machine_key == machine)
    });
}

#[test]
fn a_self_signed_request_with_any_byte_changed_is_refused_even_without_a_pinned_key() {
    check("activation-request.txt", &|text| ok(ActivationRequest::decode(text).and_then(|f| f.verify_self_signed())));
}

#[test]
fn a_deactivation_receipt_with_any_byte_changed_or_cut_off_is_refused() {
    let recorded = PublicKey::from_base64(common::read_vector("machine-public-key.txt").trim()).expect("key");
    check("deactivation-receipt.txt", &|text| {
        ok(DeactivationReceipt::decode(text).and_then(|f| f.verify_with(&recorded)))
    });
}

#[test]
fn an_activation_response_with_any_byte_changed_or_cut_off_is_refused() {
    let trusted = common::trusted();
    let request = ActivationRequest::decode(&common::read_vector("activation-request.txt")).expect("request");
    check("activation-response.txt", &|text| {
        ok(ActivationResponse::decode(text).and_then(|f| f.license_for(&request, &trusted)))
    });
}
