//! A customer's cards at the payment provider (`shared/BILLING.md` "Payments"): added on the
//! provider's page, one of them the default, removed unless a card subscription still needs
//! one; and charging the default card. Each charge is recorded before the provider is asked,
//! under the idempotency key it is asked with (`<purpose>:<attempt>`, the purpose being the
//! subscription, its period's start and the change): an attempt that got no answer is asked
//! again with the same key, so it is charged once; a declined one is tried again with the next.

use tessera_billing::Money;

use crate::domain::{CustomerId, OrderId, SubscriptionStatus};
use crate::error::{Error, Refusal, Result};
use crate::payments::{ChargeRequest, Charged, PaymentProvider, ProviderError};
use crate::store::cards::{self, Card, Charge, NewCard, NewCharge, Outcome};
use crate::store::{self, Conn, Pool};

/// Seconds after which an attempt still `pending` (or `charged`) is taken for one whose
/// process stopped, and asked again with its key.
const STALE: i64 = 120;

/// The customer's cards at `provider`, the default first.
pub async fn of_customer(pool: &Pool, provider: &dyn PaymentProvider, customer_id: &CustomerId) -> Result<Vec<Card>> {
    cards::of_customer(&mut *store::acquire(pool).await?, customer_id, provider.name()).await
}

/// Opens the provider's page where the customer adds a card; answers its address. The page
/// sends them back to `<public_url>/payment-methods/added?session=…`.
pub async fn add(
    pool: &Pool,
    provider: &dyn PaymentProvider,
    customer_id: &CustomerId,
    public_url: &str,
) -> Result<String> {
    let account = provider_customer(pool, provider, customer_id).await?;
    let base = public_url.trim_end_matches('/');
    let success = format!("{base}/payment-methods/added?session={{CHECKOUT_SESSION_ID}}");
    let cancel = format!("{base}/payment-methods");
    let session = provider.setup_session(&account, &success, &cancel).await.map_err(provider_error)?;
    let mut conn = store::acquire(pool).await?;
    cards::insert_setup(&mut conn, &session.id, customer_id, provider.name(), store::now()).await?;
    Ok(session.url)
}

/// The customer's account at the provider, made the first time it is needed.
async fn provider_customer(pool: &Pool, provider: &dyn PaymentProvider, customer_id: &CustomerId) -> Result<String> {
    let mut conn = store::acquire(pool).await?;
    if let Some(account) = cards::provider_customer(&mut conn, customer_id, provider.name()).await? {
        return Ok(account);
    }
    let customer = store::customers::by_id(pool, customer_id).await?.ok_or(Error::NotFound)?;
    let account =
        provider.create_customer(&customer.email, &customer.company, customer_id).await.map_err(provider_error)?;
    if !cards::insert_provider_customer(&mut conn, customer_id, provider.name(), &account, store::now()).await? {
        // Made meanwhile by another request (the provider answered both with the same
        // account, the key being the customer's): the one kept is the one used.
        return cards::provider_customer(&mut conn, customer_id, provider.name())
            .await?
            .ok_or_else(|| Error::Internal(format!("customer {customer_id} lost its provider account")));
    }
    Ok(account)
}

/// Keeps the card added on setup page `session`, if the page is the customer's (`None`: the
/// webhook's, whoever's it is) and complete; the first card becomes the default. Answers the
/// card, or `None` while the page is not complete. The same page twice keeps one card.
pub async fn added(
    pool: &Pool,
    provider: &dyn PaymentProvider,
    customer_id: Option<&CustomerId>,
    session: &str,
) -> Result<Option<Card>> {
    let mut conn = store::acquire(pool).await?;
    let owner = cards::setup_customer(&mut conn, session, provider.name()).await?.ok_or(Error::NotFound)?;
    if customer_id.is_some_and(|customer| customer.as_str() != owner) {
        return Err(Error::NotFound);
    }
    let owner = CustomerId::new(owner);
    drop(conn);
    let Some(card) = provider.setup_card(session).await.map_err(provider_error)? else {
        return Ok(None);
    };
    let mut tx = store::begin(pool).await?;
    let now = store::now();
    let first = cards::of_customer(&mut tx, &owner, provider.name()).await?.is_empty();
    let new = NewCard {
        customer_id: &owner,
        provider: provider.name(),
        provider_id: &card.provider_id,
        brand: &card.brand,
        last4: &card.last4,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        default_since: if first { now } else { 0 },
        created_at: now,
    };
    cards::insert(&mut tx, &new).await?;
    cards::complete_setup(&mut tx, session, now).await?;
    let kept = cards::of_customer(&mut tx, &owner, provider.name())
        .await?
        .into_iter()
        .find(|kept| kept.provider_id == card.provider_id);
    tx.commit().await?;
    Ok(kept)
}

/// Makes card `id` the customer's default.
pub async fn set_default(pool: &Pool, customer_id: &CustomerId, id: &str) -> Result<()> {
    let mut conn = store::acquire(pool).await?;
    if cards::set_default(&mut conn, customer_id, id, store::now()).await? { Ok(()) } else { Err(Error::NotFound) }
}

/// Removes card `id` of the customer's, at the provider too. Refused for the last card while a
/// subscription paid by card still runs.
pub async fn remove(pool: &Pool, provider: &dyn PaymentProvider, customer_id: &CustomerId, id: &str) -> Result<()> {
    let mut conn = store::acquire(pool).await?;
    let mine = cards::of_customer(&mut conn, customer_id, provider.name()).await?;
    let card = mine.iter().find(|card| card.id == id).ok_or(Error::NotFound)?;
    if mine.len() == 1 {
        let running = store::subscriptions::of_customer(pool, customer_id)
            .await?
            .into_iter()
            .any(|s| s.payment_method == "card" && s.status != SubscriptionStatus::Ended);
        if running {
            return Err(Error::refused("bo-refusal-card-last", &[("last4", card.last4.clone().into())]));
        }
    }
    provider.detach(&card.provider_id).await.map_err(provider_error)?;
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    if !cards::remove(&mut tx, customer_id, id, now).await? {
        return Err(Error::NotFound);
    }
    // The newest card left becomes the default when the default went.
    let left = cards::of_customer(&mut tx, customer_id, provider.name()).await?;
    if !left.is_empty() && left.iter().all(|card| card.default_since == 0) {
        cards::set_default(&mut tx, customer_id, &left[0].id, now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What a charge is for.
#[derive(Debug)]
pub struct Purpose<'a> {
    /// The key's stem: the subscription, its period's start and the change (or `renewal`).
    pub key: &'a str,
    pub customer_id: &'a CustomerId,
    pub subscription_id: Option<&'a str>,
    pub amount: Money,
    /// What the provider's dashboard and the customer's statement show.
    pub description: &'a str,
}

/// Charges the customer's default card for `purpose`: recorded first, then asked. Answers the
/// attempt, `charged`, for the caller to make what it paid for and [`settled_in`] its
/// transaction — or [`undo`] if it cannot.
///
/// Refused: no card (`BAD_REQUEST`), the card declined (`PAYMENT_DECLINED`), no answer from the
/// provider (`PROVIDER_UNAVAILABLE`: asking again charges at most once), another attempt for
/// the same purpose under way (`CHANGED_MEANWHILE`).
pub async fn charge(pool: &Pool, provider: &dyn PaymentProvider, purpose: &Purpose<'_>) -> Result<Charge> {
    let mut conn = store::acquire(pool).await?;
    let card = cards::of_customer(&mut conn, purpose.customer_id, provider.name())
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| Error::refused("bo-refusal-card-none", &[]))?;
    let account = cards::provider_customer(&mut conn, purpose.customer_id, provider.name())
        .await?
        .ok_or_else(|| Error::Internal(format!("customer {} has a card and no account", purpose.customer_id)))?;
    let attempt = claim(&mut conn, purpose, &card).await?;
    drop(conn);
    let request = ChargeRequest {
        customer: &account,
        card: &card.provider_id,
        amount_minor: purpose.amount.minor(),
        currency: purpose.amount.currency().code(),
        idempotency_key: &attempt.idempotency_key,
        description: purpose.description,
    };
    let answer = provider.charge(&request).await;
    let mut conn = store::acquire(pool).await?;
    let now = store::now();
    let amount = ("amount", purpose.amount.to_string().into());
    let (status, charge_id, reason, refusal) = match answer {
        Ok(Charged::Succeeded { id }) => ("charged", Some(id), None, None),
        Ok(Charged::Declined { reason }) => {
            let refusal = Error::PaymentDeclined(Refusal::new(
                "bo-refusal-card-declined",
                &[amount, ("last4", card.last4.clone().into()), ("reason", reason.clone().into())],
            ));
            ("declined", None, Some(reason), Some(refusal))
        }
        Err(ProviderError::Unavailable(why)) => {
            tracing::warn!(key = %attempt.idempotency_key, %why, "card charge unanswered");
            let refusal = Error::ProviderUnavailable(Refusal::new("bo-refusal-provider-unavailable", &[amount]));
            ("unsettled", None, Some(why), Some(refusal))
        }
        Err(other) => {
            let reason = other.to_string();
            let refusal = Error::PaymentDeclined(Refusal::new(
                "bo-refusal-card-declined",
                &[amount, ("last4", card.last4.clone().into()), ("reason", reason.clone().into())],
            ));
            ("failed", None, Some(reason), Some(refusal))
        }
    };
    let outcome =
        Outcome { status, provider_charge_id: charge_id.as_deref(), order_id: None, reason: reason.as_deref(), now };
    cards::settle(&mut conn, &attempt.id, &outcome).await?;
    if let Some(refusal) = refusal {
        return Err(refusal);
    }
    cards::charge_by_id(&mut conn, &attempt.id)
        .await?
        .ok_or_else(|| Error::Internal(format!("charge {} is gone", attempt.id)))
}

/// Records the attempt to make for `purpose`: the last one again when it got no answer (same
/// amount, same card: the same key), else the next.
async fn claim(conn: &mut Conn, purpose: &Purpose<'_>, card: &Card) -> Result<Charge> {
    let now = store::now();
    let last = cards::last_attempt(conn, purpose.key).await?;
    if let Some(last) = &last {
        let same = last.amount_minor == purpose.amount.minor() && last.card_id == card.id;
        let stopped = matches!(last.status.as_str(), "pending" | "charged") && now - last.updated_at > STALE;
        match last.status.as_str() {
            "unsettled" if same => {
                if cards::retake(conn, &last.id, now).await? {
                    return Ok(last.clone());
                }
                return Err(under_way());
            }
            _ if stopped && same => return Ok(last.clone()),
            "pending" | "charged" | "succeeded" => return Err(under_way()),
            _ => {}
        }
    }
    let new = NewCharge {
        purpose: purpose.key,
        attempt: last.map_or(1, |last| last.attempt + 1),
        customer_id: purpose.customer_id,
        subscription_id: purpose.subscription_id,
        card_id: &card.id,
        amount_minor: purpose.amount.minor(),
        currency: purpose.amount.currency().code(),
        now,
    };
    cards::insert_charge(conn, &new).await?.ok_or_else(under_way)
}

fn under_way() -> Error {
    Error::ChangedMeanwhile("a payment for this change is under way".into())
}

/// Marks `charge` as having paid order `order_id`, in the transaction that made what it paid for.
pub async fn settled_in(conn: &mut Conn, charge: &Charge, order_id: &OrderId) -> Result<()> {
    let outcome = Outcome {
        status: "succeeded",
        provider_charge_id: None,
        order_id: Some(order_id),
        reason: None,
        now: store::now(),
    };
    cards::settle(conn, &charge.id, &outcome).await
}

/// Gives back `charge` when what it paid for could not be made. A refund the provider does not
/// take is logged and left `charged`, for staff to see.
pub async fn undo(pool: &Pool, provider: &dyn PaymentProvider, charge: &Charge) {
    let Some(provider_charge) = charge.provider_charge_id.as_deref() else {
        return;
    };
    let key = format!("refund:{}", charge.idempotency_key);
    match provider.refund(provider_charge, charge.amount_minor, &key).await {
        Ok(refund) => {
            let outcome = Outcome {
                status: "refunded",
                provider_charge_id: None,
                order_id: None,
                reason: Some(&refund),
                now: store::now(),
            };
            let settled = match store::acquire(pool).await {
                Ok(mut conn) => cards::settle(&mut conn, &charge.id, &outcome).await,
                Err(error) => Err(error),
            };
            if let Err(error) = settled {
                tracing::error!(charge = %charge.id, %error, "refunded, not recorded as refunded");
            }
        }
        Err(error) => tracing::error!(charge = %charge.id, %error, "charged for a change not made, and not refunded"),
    }
}

/// The error a page or the API shows for a provider's answer outside a charge.
fn provider_error(error: ProviderError) -> Error {
    match error {
        ProviderError::Unavailable(why) => {
            tracing::warn!(%why, "payment provider unanswered");
            Error::ProviderUnavailable(Refusal::new("bo-refusal-provider-down", &[]))
        }
        other => {
            Error::PaymentDeclined(Refusal::new("bo-refusal-provider-refused", &[("reason", other.to_string().into())]))
        }
    }
}

/// Gives back `amount_minor` of `charge` (all of it or a part) at the provider under the
/// idempotency key `key` (asked again, it is refunded once) and records it: `refunded` when it
/// was all, `partly_refunded` else. Answers the provider's refund id.
pub async fn refund_part(
    pool: &Pool,
    provider: &dyn PaymentProvider,
    charge: &Charge,
    amount_minor: i64,
    key: &str,
) -> Result<String> {
    let provider_charge = charge
        .provider_charge_id
        .as_deref()
        .ok_or_else(|| Error::Internal(format!("charge {} was not made at the provider", charge.id)))?;
    let refund = provider.refund(provider_charge, amount_minor, key).await.map_err(provider_error)?;
    let status = if amount_minor >= charge.amount_minor { "refunded" } else { "partly_refunded" };
    let reason = format!("{refund}: {amount_minor}");
    let outcome =
        Outcome { status, provider_charge_id: None, order_id: None, reason: Some(&reason), now: store::now() };
    cards::settle(&mut *store::acquire(pool).await?, &charge.id, &outcome).await?;
    Ok(refund)
}
