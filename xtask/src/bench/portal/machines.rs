//! Simulated computers and the signed request bodies they send, made with tessera-core as
//! the License Manager would.

use serde_json::json;
use tessera_core::api::{self, MachineCall};
use tessera_core::{
    ActivationKey, ActivationRequest, ActivationRequestPayload, Fingerprint, MachineFacts, Nonce, SigningKey, Timestamp,
};

use crate::Result;

pub const ACTIVATE_PATH: &str = "/api/v1/activations";
pub const VALIDATE_PATH: &str = "/api/v1/validate";
pub const REFRESH_PATH: &str = "/api/v1/refresh";

/// One computer: its fingerprint for the product and its machine key.
#[derive(Debug)]
pub struct Machine {
    number: u64,
    fingerprint: Fingerprint,
    key: SigningKey,
}

impl Machine {
    /// Computer number `number`: every number is a different computer with its own key.
    pub fn new(number: u64, product: &str) -> Result<Self> {
        let facts = MachineFacts {
            machine_id: format!("bench-machine-{number:012}"),
            hostname: Some(format!("BENCH-{number}")),
            mac: Some(format!(
                "52:54:{:02x}:{:02x}:{:02x}:{:02x}",
                number >> 24 & 255,
                number >> 16 & 255,
                number >> 8 & 255,
                number & 255
            )),
            cpu: Some("Benchmark CPU".into()),
            os: Some("Debian 12".into()),
        };
        let mut seed = [0u8; 32];
        seed[..8].copy_from_slice(&number.to_be_bytes());
        seed[8..20].copy_from_slice(b"tessera-xbch");
        Ok(Self { number, fingerprint: Fingerprint::compute(product, &facts)?, key: SigningKey::from_seed(seed) })
    }

    /// Its fingerprint digest, as the portal stores it.
    pub fn fingerprint_hex(&self) -> String {
        self.fingerprint.digest().to_hex()
    }

    /// The body of `POST /api/v1/activations`: a signed activation request for `key`.
    pub fn activation_body(&self, key: &ActivationKey) -> Result<Vec<u8>> {
        let payload = ActivationRequestPayload {
            activation_key: key.clone(),
            product: self.fingerprint.product().to_owned(),
            fingerprint: self.fingerprint.digest(),
            components: self.fingerprint.components().clone(),
            hostname: format!("BENCH-{}", self.number),
            app_version: "0.1.0".into(),
            nonce: Nonce::generate()?,
            created: Timestamp::now(),
            machine_key: self.key.public_key(),
            kid: self.key.kid(),
        };
        let request = ActivationRequest::sign(&payload, &self.key)?;
        Ok(serde_json::to_vec(&json!({ "request": request.to_string() }))?)
    }

    /// The body of `POST /api/v1/validate` for `key`.
    pub fn validation_body(&self, key: &ActivationKey) -> Result<Vec<u8>> {
        Ok(serde_json::to_vec(&json!({
            "activation_key": key.as_str(),
            "product": self.fingerprint.product(),
            "fingerprint": self.fingerprint.digest().to_hex(),
        }))?)
    }

    /// A refresh of this machine's seat of `license_id`: the body, with a fresh nonce, and
    /// its machine signature header.
    pub fn refresh_call(&self, license_id: &str) -> Result<(Vec<u8>, String)> {
        let call = MachineCall {
            license_id: license_id.into(),
            fingerprint: self.fingerprint.digest(),
            nonce: Nonce::generate()?,
            created: Timestamp::now(),
        };
        let body = serde_json::to_vec(&call)?;
        let signature = api::sign_machine_call(&self.key, "POST", REFRESH_PATH, &body);
        Ok((body, signature))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ActivationKey {
        ActivationKey::from_bytes([7; 15])
    }

    #[test]
    fn an_activation_body_holds_a_request_that_verifies_and_names_a_new_machine() {
        let first = Machine::new(1, "bench").unwrap();
        let second = Machine::new(2, "bench").unwrap();
        let decode = |body: Vec<u8>| {
            let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
            ActivationRequest::decode(json["request"].as_str().unwrap()).unwrap().verify_self_signed().unwrap()
        };
        let one = decode(first.activation_body(&key()).unwrap());
        let two = decode(second.activation_body(&key()).unwrap());
        assert_eq!(one.product, "bench");
        assert_ne!(one.fingerprint, two.fingerprint);
        assert_ne!(one.machine_key, two.machine_key);
    }

    #[test]
    fn refresh_calls_carry_fresh_nonces_and_the_machine_signature() {
        let machine = Machine::new(3, "bench").unwrap();
        let (body, header) = machine.refresh_call("lic_x").unwrap();
        let (again, _) = machine.refresh_call("lic_x").unwrap();
        assert_ne!(body, again);
        api::verify_machine_call(&machine.key.public_key(), &header, "POST", REFRESH_PATH, &body).unwrap();
    }
}
