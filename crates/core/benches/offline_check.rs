//! The whole offline license check next to one bare Ed25519 verification, in one run.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tessera_core::{Clock, Domain, LicenseFile, PublicKeySet, evaluate, example};

fn offline_check(c: &mut Criterion) {
    let (key, payload) = example::license();
    let text = LicenseFile::sign(&payload, &key).expect("sign").to_string();
    let trusted = PublicKeySet::from_keys([key.public_key()]).expect("keys");
    let fingerprint = example::fingerprint();
    let clock = Clock::at(payload.issued);

    let public = key.public_key();
    let message = [0x42u8; 64];
    let signature = key.sign(Domain::LicenseFile, &message);

    c.bench_function("bare_ed25519_verify", |b| {
        b.iter(|| black_box(public.verifies(Domain::LicenseFile, black_box(&message), &signature)));
    });
    c.bench_function("offline_check", |b| {
        b.iter(|| {
            let file = LicenseFile::decode(black_box(&text)).expect("decode");
            black_box(evaluate(Some(&file), &trusted, &fingerprint, &clock))
        });
    });
}

criterion_group!(benches, offline_check);
criterion_main!(benches);
