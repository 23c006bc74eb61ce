//! What each endpoint is sent: the exact HTTP requests, made before a run because wrk cannot
//! sign, and checked once against the portal before any run.

use std::net::SocketAddr;
use std::thread;
use std::time::Instant;

use tessera_core::ActivationKey;

use super::dataset::Target;
use super::http;
use super::machines::{ACTIVATE_PATH, Machine, REFRESH_PATH, VALIDATE_PATH};
use super::seed::{PRODUCT, Seeded};
use super::wrk::Reuse;
use crate::Result;

/// What a run loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Healthz,
    Keys,
    Validate,
    /// validate over generated licenses spread through the data set.
    ValidateSpread,
    Activate,
    Refresh,
}

impl Endpoint {
    /// A short name, for files and progress lines.
    pub fn slug(self) -> &'static str {
        match self {
            Self::Healthz => "healthz",
            Self::Keys => "keys",
            Self::Validate => "validate",
            Self::ValidateSpread => "validate-spread",
            Self::Activate => "activate",
            Self::Refresh => "refresh",
        }
    }

    /// Whether a request may be sent twice: an activation must be a new machine's, a
    /// refresh must carry a fresh nonce.
    pub fn reuse(self) -> Reuse {
        match self {
            Self::Healthz | Self::Keys | Self::Validate | Self::ValidateSpread => Reuse::Cycle,
            Self::Activate | Self::Refresh => Reuse::Once,
        }
    }
}

/// The requests of one portal's runs.
#[derive(Debug)]
pub struct Requests {
    address: SocketAddr,
    host: String,
    key: ActivationKey,
    license_id: String,
    /// Activated before the runs; validate and refresh cycle over them.
    machines: Vec<Machine>,
    /// The number of the next new machine to activate.
    next_machine: u64,
    /// Generated licenses that validate-spread cycles over.
    pub spread: Vec<Target>,
}

impl Requests {
    /// Activates `machines` computers on the seeded license, then checks that every
    /// endpoint answers what the runs expect.
    pub fn prepare(address: SocketAddr, seeded: &Seeded, machines: u64) -> Result<Self> {
        let mut requests = Self {
            address,
            host: address.to_string(),
            key: seeded.activation_key.clone(),
            license_id: seeded.license_id.clone(),
            machines: Vec::new(),
            next_machine: 0,
            spread: Vec::new(),
        };
        for _ in 0..machines {
            let machine = requests.new_machine()?;
            requests.check(&requests.activate(&machine)?, 201, "\"new_seat\":true")?;
            requests.machines.push(machine);
        }
        requests.check(&requests.healthz(), 200, "ok")?;
        requests.check(&requests.keys(), 200, "\"current\"")?;
        requests.check(&requests.validate(&requests.machines[0])?, 200, "\"valid\":true")?;
        requests.check(&requests.refresh(&requests.machines[0])?, 200, "\"license\"")?;
        Ok(requests)
    }

    /// The fingerprint (hex) of the first machine activated before the runs.
    pub fn first_fingerprint(&self) -> String {
        self.machines.first().map(Machine::fingerprint_hex).unwrap_or_default()
    }

    /// Requests for a run of `endpoint`: all there are to cycle over, or `count` new ones.
    pub fn make(&mut self, endpoint: Endpoint, count: usize) -> Result<Vec<Vec<u8>>> {
        match endpoint {
            Endpoint::Healthz => Ok(vec![self.healthz()]),
            Endpoint::Keys => Ok(vec![self.keys()]),
            Endpoint::Validate => self.machines.iter().map(|machine| self.validate(machine)).collect(),
            Endpoint::ValidateSpread => self.spread.iter().map(|target| self.validate_generated(target)).collect(),
            Endpoint::Activate => {
                let first = self.next_machine;
                self.next_machine += count as u64;
                generate(count, |index| self.activate(&Machine::new(first + index as u64, PRODUCT)?))
            }
            Endpoint::Refresh => generate(count, |index| self.refresh(&self.machines[index % self.machines.len()])),
        }
    }

    fn new_machine(&mut self) -> Result<Machine> {
        self.next_machine += 1;
        Machine::new(self.next_machine - 1, PRODUCT)
    }

    fn healthz(&self) -> Vec<u8> {
        http::request("GET", "/healthz", &self.host, &[], b"")
    }

    fn keys(&self) -> Vec<u8> {
        http::request("GET", "/api/v1/keys", &self.host, &[], b"")
    }

    fn validate(&self, machine: &Machine) -> Result<Vec<u8>> {
        Ok(http::request("POST", VALIDATE_PATH, &self.host, &[], &machine.validation_body(&self.key)?))
    }

    fn validate_generated(&self, target: &Target) -> Result<Vec<u8>> {
        let body = serde_json::to_vec(&serde_json::json!({
            "activation_key": target.key.as_str(),
            "product": PRODUCT,
            "fingerprint": target.fingerprint,
        }))?;
        Ok(http::request("POST", VALIDATE_PATH, &self.host, &[], &body))
    }

    /// Checks that generated licenses validate, as the spread runs expect.
    pub fn check_spread(&self) -> Result {
        for target in [self.spread.first(), self.spread.last()].into_iter().flatten() {
            self.check(&self.validate_generated(target)?, 200, "\"valid\":true")?;
        }
        Ok(())
    }

    fn activate(&self, machine: &Machine) -> Result<Vec<u8>> {
        Ok(http::request("POST", ACTIVATE_PATH, &self.host, &[], &machine.activation_body(&self.key)?))
    }

    fn refresh(&self, machine: &Machine) -> Result<Vec<u8>> {
        let (body, signature) = machine.refresh_call(&self.license_id)?;
        Ok(http::request("POST", REFRESH_PATH, &self.host, &[("Tessera-Machine-Signature", &signature)], &body))
    }

    /// Sends `request` once and checks the status and a piece of the body.
    fn check(&self, request: &[u8], status: u16, body_contains: &str) -> Result {
        let response = http::exchange(self.address, request)?;
        if response.status == status && response.body.contains(body_contains) {
            return Ok(());
        }
        let line = String::from_utf8_lossy(request).lines().next().unwrap_or_default().to_owned();
        Err(format!("`{line}` answered {} {}, not {status} with {body_contains}", response.status, response.body)
            .into())
    }
}

/// `count` requests made by `make(index)` on every core: signing tens of thousands takes seconds.
fn generate(count: usize, make: impl Fn(usize) -> Result<Vec<u8>> + Sync) -> Result<Vec<Vec<u8>>> {
    let started = Instant::now();
    let workers = thread::available_parallelism().map_or(1, usize::from);
    let chunk = count.div_ceil(workers).max(1);
    // Box<dyn Error> is not Send: errors cross the threads as text.
    let parts: Vec<Result<Vec<Vec<u8>>, String>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..count)
            .step_by(chunk)
            .map(|start| {
                let make = &make;
                scope.spawn(move || {
                    (start..(start + chunk).min(count)).map(|index| make(index).map_err(|e| e.to_string())).collect()
                })
            })
            .collect();
        handles.into_iter().map(|handle| handle.join().unwrap_or_else(|_| Err("a generator panicked".into()))).collect()
    });
    let mut requests = Vec::with_capacity(count);
    for part in parts {
        requests.extend(part?);
    }
    println!("  ({count} signed requests made in {:.1} s)", started.elapsed().as_secs_f64());
    Ok(requests)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_requests_come_in_order_whatever_the_chunks() {
        for count in [0, 1, 7, 64] {
            let made = generate(count, |index| Ok(index.to_string().into_bytes())).unwrap();
            assert_eq!(made, (0..count).map(|i| i.to_string().into_bytes()).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_generator_error_is_returned() {
        let error = generate(10, |index| if index == 9 { Err("no".into()) } else { Ok(vec![]) }).unwrap_err();
        assert_eq!(error.to_string(), "no");
    }
}
