//! The demo's card provider, in this process: cards are typed into the portal's own "test
//! mode" page (`/test-mode/setup/{session}`), nothing is ever charged, and the card numbers
//! Stripe documents for testing behave as they do there (`4000 0000 0000 0002` is declined).
//! Only `serve --demo` uses it.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{Call, Card, ChargeRequest, Charged, PaymentProvider, ProviderError, SetupSession, Webhook};
use crate::domain::new_id;

/// The card number that is always declined.
pub const DECLINED: &str = "4000000000000002";

/// The demo's provider.
#[derive(Debug)]
pub struct TestMode {
    public_url: String,
    sessions: Mutex<HashMap<String, Session>>,
}

#[derive(Debug, Clone)]
struct Session {
    success_url: String,
    cancel_url: String,
    card: Option<Card>,
}

/// Where the test-mode page sends the customer once a card is typed or the page left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Return {
    pub success_url: String,
    pub cancel_url: String,
}

impl TestMode {
    /// The provider of a portal answering at `public_url`.
    #[must_use]
    pub fn new(public_url: &str) -> Self {
        Self { public_url: public_url.trim_end_matches('/').to_owned(), sessions: Mutex::default() }
    }

    /// Where setup session `id` sends its customer back; `None` for an unknown session.
    #[must_use]
    pub fn returns(&self, id: &str) -> Option<Return> {
        let sessions = self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        sessions
            .get(id)
            .map(|session| Return { success_url: session.success_url.clone(), cancel_url: session.cancel_url.clone() })
    }

    /// Completes setup session `id` with a card typed on the test-mode page; answers the address
    /// to send the customer back to.
    ///
    /// # Errors
    /// A message for the page: an unknown session, a number that is not a card's (its check
    /// digit), an expiry in the past.
    pub fn complete(
        &self,
        id: &str,
        number: &str,
        exp_month: i64,
        exp_year: i64,
        today: chrono::NaiveDate,
    ) -> Result<String, String> {
        use chrono::Datelike as _;
        let digits: String = number.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
        if digits.len() < 12 || digits.len() > 19 || !digits.bytes().all(|b| b.is_ascii_digit()) || !luhn(&digits) {
            return Err("This is not a card number: check the digits.".into());
        }
        let current = (i64::from(today.year()), i64::from(today.month()));
        if !(1..=12).contains(&exp_month) || (exp_year, exp_month) < current {
            return Err("This card has expired: check the month and year.".into());
        }
        let mut sessions = self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let session = sessions.get_mut(id).ok_or("This page has expired: add the card again from the portal.")?;
        let last4 = digits[digits.len() - 4..].to_owned();
        let declines = if digits == DECLINED { "declined_" } else { "" };
        session.card = Some(Card {
            provider_id: format!("{}_{declines}{last4}", new_id("pm_test")),
            brand: brand(&digits).into(),
            last4,
            exp_month,
            exp_year,
        });
        Ok(session.success_url.replace("{CHECKOUT_SESSION_ID}", id))
    }
}

/// The card network a number belongs to, by its first digits.
fn brand(digits: &str) -> &'static str {
    match digits.as_bytes() {
        [b'4', ..] => "visa",
        [b'5', b'1'..=b'5', ..] | [b'2', b'2'..=b'7', ..] => "mastercard",
        [b'3', b'4' | b'7', ..] => "amex",
        _ => "card",
    }
}

/// Whether `digits` ends in the right check digit.
fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl PaymentProvider for TestMode {
    fn name(&self) -> &'static str {
        "test"
    }

    fn test_mode(&self) -> bool {
        true
    }

    fn page_origin(&self) -> Option<String> {
        None
    }

    fn create_customer<'a>(&'a self, _email: &'a str, _name: &'a str, customer_id: &'a str) -> Call<'a, String> {
        Box::pin(async move { Ok(format!("cus_test_{customer_id}")) })
    }

    fn setup_session<'a>(
        &'a self,
        _customer: &'a str,
        success_url: &'a str,
        cancel_url: &'a str,
    ) -> Call<'a, SetupSession> {
        Box::pin(async move {
            let id = new_id("cs_test");
            let session =
                Session { success_url: success_url.to_owned(), cancel_url: cancel_url.to_owned(), card: None };
            self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(id.clone(), session);
            Ok(SetupSession { url: format!("{}/test-mode/setup/{id}", self.public_url), id })
        })
    }

    fn setup_card<'a>(&'a self, session: &'a str) -> Call<'a, Option<Card>> {
        Box::pin(async move {
            let sessions = self.sessions.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            Ok(sessions.get(session).and_then(|session| session.card.clone()))
        })
    }

    fn charge<'a>(&'a self, request: &'a ChargeRequest<'a>) -> Call<'a, Charged> {
        Box::pin(async move {
            if request.card.contains("_declined_") {
                return Ok(Charged::Declined { reason: "Your card was declined.".into() });
            }
            Ok(Charged::Succeeded { id: format!("pi_test_{}", sanitize(request.idempotency_key)) })
        })
    }

    fn refund<'a>(&'a self, charge: &'a str, _amount_minor: i64, _idempotency_key: &'a str) -> Call<'a, String> {
        Box::pin(async move { Ok(format!("re_test_{}", sanitize(charge))) })
    }

    fn detach<'a>(&'a self, _card: &'a str) -> Call<'a, ()> {
        Box::pin(async move { Ok(()) })
    }

    fn webhook(&self, _body: &[u8], _signature: &str, _now: i64) -> Result<Webhook, ProviderError> {
        Err(ProviderError::BadSignature)
    }
}

/// `key` with only letters, digits and underscores.
fn sanitize(key: &str) -> String {
    key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_numbers_pass_the_check_digit_and_a_changed_digit_does_not() {
        assert!(luhn("4242424242424242"));
        assert!(luhn(DECLINED));
        assert!(luhn("5555555555554444"));
        assert!(!luhn("4242424242424243"), "the last digit changed from 2 to 3");
        assert_eq!(brand("4242424242424242"), "visa");
        assert_eq!(brand("5555555555554444"), "mastercard");
        assert_eq!(brand("378282246310005"), "amex");
    }

    #[tokio::test]
    async fn a_card_typed_on_the_page_is_the_sessions_card_and_the_declined_one_is_declined() {
        let provider = TestMode::new("http://127.0.0.1:8080/");
        let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 20).expect("a day");
        let session = provider
            .setup_session("cus", "http://back/{CHECKOUT_SESSION_ID}", "http://cancel")
            .await
            .expect("a session");
        assert!(session.url.starts_with("http://127.0.0.1:8080/test-mode/setup/cs_test_"));
        assert_eq!(provider.setup_card(&session.id).await, Ok(None), "nothing typed yet");
        assert!(provider.complete(&session.id, "4242 4242 4242 4242", 2, 2027, today).is_err(), "expired");
        assert!(provider.complete(&session.id, "4242 4242 4242 4243", 12, 2030, today).is_err(), "check digit");
        let back = provider.complete(&session.id, "4000 0000 0000 0002", 12, 2030, today).expect("taken");
        assert_eq!(back, format!("http://back/{}", session.id));
        let card = provider.setup_card(&session.id).await.expect("answered").expect("a card");
        assert_eq!(
            (card.brand.as_str(), card.last4.as_str(), card.exp_month, card.exp_year),
            ("visa", "0002", 12, 2030)
        );
        let request = ChargeRequest {
            customer: "cus",
            card: &card.provider_id,
            amount_minor: 774,
            currency: "EUR",
            idempotency_key: "sub:2027-03-01:1",
            description: "test",
        };
        assert!(matches!(provider.charge(&request).await, Ok(Charged::Declined { .. })));
    }
}
