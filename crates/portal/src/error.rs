//! The portal's one error type: every failure becomes `{code, message}` with a 4xx or 5xx status.

use std::fmt;
use std::ops::Deref;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tessera_i18n::{Arg, Language, Localizer};

/// `Result` with [`Error`] as the default error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything a request can fail with. The codes are stable and listed in `docs/api.md`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// 400 `BAD_REQUEST`: the body is not the JSON this endpoint takes.
    #[error("{0}")]
    BadRequest(Refusal),
    /// 400, with the code of a tessera-core error (`CODE_CHECKSUM`, `FILE_DAMAGED`, `BAD_SIGNATURE`, ...).
    #[error("{0}")]
    Format(#[from] tessera_core::Error),
    /// 401 `UNAUTHENTICATED`: no valid session token.
    #[error("Please sign in again: your session is missing or has expired.")]
    Unauthenticated,
    /// 401 `SIGN_IN_FAILED`: no customer with that e-mail and order number.
    #[error("No customer has that e-mail address and order number. Check both against your order confirmation.")]
    SignInFailed,
    /// 401 `TOKEN_INVALID`: a vendor API call without a token in force.
    #[error(
        "This call needs a vendor API token in force: send `Authorization: Bearer tsk_…` with a token from `tessera-portal admin api-token create`."
    )]
    TokenInvalid,
    /// 403 `SCOPE_MISSING`: the vendor API token may not do this.
    #[error("This API token may not do that: it lacks the scope `{0}`. Create a token with that scope.")]
    ScopeMissing(crate::domain::Scope),
    /// 403 `MACHINE_SIGNATURE_INVALID`: a machine call not signed by the recorded machine key.
    #[error("This request was not signed by the key this computer registered when it was activated.")]
    MachineSignature,
    /// 404 `KEY_NOT_FOUND`: no license answers this activation key for this product. Deliberately
    /// the same for "no such key" and "no license of that product", so a guesser learns nothing.
    #[error(
        "This activation key is not valid for this product. Check the key in your order confirmation or customer portal."
    )]
    KeyNotFound,
    /// 403 `NOT_PAID`: the key's licenses of this product are on an order waiting for its payment.
    #[error(
        "Order {0} is waiting for its payment: its licenses start when the payment is recorded. Activate again once you have the payment confirmation."
    )]
    NotPaid(String),
    /// 409 `AMOUNT_MISMATCH`: a payment whose amount or currency is not the order's total.
    #[error(
        "The payment of {got} does not match the total of order {reference}, {expected}. Record the whole amount once all of it has arrived."
    )]
    AmountMismatch { reference: String, expected: String, got: String },
    /// 409 `ALREADY_PAID`: the order was paid by another payment.
    #[error("{0}")]
    AlreadyPaid(Refusal),
    /// 409 `PAYMENT_CONFLICT`: the bank reference or idempotency key belongs to another order's
    /// payment, or the order cannot be paid (cancelled, refunded).
    #[error("{0}")]
    PaymentConflict(Refusal),
    /// 409 `WRONG_ORDER_STATUS`: the order is not in the status this change needs (a paid order
    /// is refunded, not cancelled; an unpaid one cancelled, not refunded).
    #[error("{0}")]
    OrderStatus(Refusal),
    /// 409 `CHANGED_MEANWHILE`: what the change was computed on changed before it was saved
    /// (another window, another process): nothing was done; look again and repeat.
    #[error("{0}")]
    ChangedMeanwhile(String),
    /// 409 `INSUFFICIENT_LICENSES`: the acting partner's or reseller's pool holds fewer
    /// license-years than the term needs (users × years): nothing was done.
    #[error(
        "This needs {0} license-years (users × years) and your pool holds fewer. Ask your partner or the vendor for more licenses, or choose fewer users or years."
    )]
    InsufficientLicenses(i64),
    /// 409 `NOT_COMPANY_ADMIN`: the e-mail named as a client's company administrator belongs to
    /// a user of a company, not to its administrator: nothing was linked.
    #[error(
        "The account with this e-mail is a user of its company, not its administrator: name the company's administrator instead."
    )]
    NotCompanyAdmin,
    /// 409 `CLIENT_ALREADY_LINKED`: the company named is already the client of a partner or
    /// reseller (the first to link it keeps it): nothing was linked.
    #[error(
        "This company is already linked to a partner's or reseller's client: a company is the client of one seller only. Ask the vendor if it changed sellers."
    )]
    ClientAlreadyLinked,
    /// 409 `CLIENT_HAS_ADMIN`: the client is linked to a customer company already, whose
    /// administrator is someone else: nothing was changed.
    #[error(
        "This client is linked to its company already, with another administrator. The company's administrator invites its users on the customer portal."
    )]
    ClientHasAdmin,
    /// 402 `PAYMENT_DECLINED`: the card was declined, or the provider refused the charge:
    /// nothing was changed.
    #[error("{0}")]
    PaymentDeclined(Refusal),
    /// 503 `PROVIDER_UNAVAILABLE`: the payment provider did not answer (in time, or with a 5xx):
    /// nothing was changed; the same request again is charged at most once.
    #[error("{0}")]
    ProviderUnavailable(Refusal),
    /// 431 `HEADERS_TOO_LARGE`: more request headers, or longer ones, than the portal reads.
    #[error(
        "The request's headers are too large for the portal ({0}). Remove cookies or headers a proxy added, then try again."
    )]
    HeadersTooLarge(String),
    /// 404 `NOT_FOUND`: no such license, machine or resource for this caller.
    #[error("Not found.")]
    NotFound,
    /// 404 `NOT_ACTIVATED`: this machine holds no seat of the license.
    #[error("This computer is not activated for this license. Activate it again with your activation key.")]
    NotActivated,
    /// 403 `SUSPENDED`
    #[error("This license is suspended. Contact your vendor or reseller.")]
    Suspended,
    /// 403 `REVOKED`
    #[error("This license has been revoked. Contact your vendor or reseller.")]
    Revoked,
    /// 403 `EXPIRED`
    #[error("This license has expired. Renew it in the customer portal.")]
    Expired,
    /// 409 `TOO_MANY_MACHINES`: every seat is taken.
    #[error("Every seat of this license is in use ({0} of {0}). Deactivate another computer, or buy more seats.")]
    TooManyMachines(i64),
    /// 401 `USER_SIGN_IN_FAILED`: no registered company account with that e-mail and password
    /// (a named user's activation).
    #[error(
        "The e-mail address or the password is not right. Use the e-mail address and password of your company account on the customer portal."
    )]
    UserSignInFailed,
    /// 403 `NO_SEAT`: the account has no seat of the product bound to it.
    #[error("No license of {0} is bound to your company account. Ask your company administrator to bind one to you.")]
    NoSeat(String),
    /// 403 `SEAT_NOT_STARTED`: the account's seat of the product belongs to a term not begun.
    #[error("Your license of {product} starts on {starts}. Activate again from that day.")]
    SeatNotStarted { product: String, starts: String },
    /// 403 `EXPIRED`: the account's seat of the product belongs to a term that ended.
    #[error(
        "Your license of {product} ended on {ended}. Ask your company administrator to renew it and bind a license to you."
    )]
    SeatEnded { product: String, ended: String },
    /// 409 `USER_TOO_MANY_MACHINES`: the account's seat is on as many machines as it allows.
    #[error(
        "Your license is in use on {0} computers, the most it allows. Deactivate it on one of them, then activate here."
    )]
    UserTooManyMachines(i64),
    /// 401 `USER_CODE_WRONG`: the one-time code typed is not the one mailed to the address.
    #[error("This code is not right. Check it against the latest e-mail from the portal, or ask for a new code.")]
    UserCodeWrong,
    /// 401 `USER_CODE_EXPIRED`: no code of the address can be used any more (none asked for,
    /// older than its minutes, used once already, or tried wrong too often).
    #[error(
        "This code can no longer be used: a code works once, for {0} minutes, and allows a few tries. Ask for a new code."
    )]
    UserCodeExpired(i64),
    /// 409 `REPLAYED`: a nonce or receipt already used.
    #[error("This request or receipt has already been used. Create a new one.")]
    Replayed,
    /// 400 `STALE_REQUEST`: a machine call or activation request whose time is too far from the portal's.
    #[error("This computer's clock is too far from the portal's. Correct the date and time and try again.")]
    Stale,
    /// 422 `NOT_ENTITLED`: asks for more than the license grants.
    #[error("{0}")]
    NotEntitled(String),
    /// 405 `METHOD_NOT_ALLOWED`: the path exists, not with this method.
    #[error("This address does not take that method.")]
    MethodNotAllowed,
    /// 413 `PAYLOAD_TOO_LARGE`
    #[error("The request is too large.")]
    TooLarge,
    /// 429 `RATE_LIMITED`: too many attempts; retry after the given seconds.
    #[error("Too many attempts. Please wait {0} seconds and try again.")]
    RateLimited(u64),
    /// 401 `BACKUP_PASSPHRASE_WRONG` (`restore` only): the passphrase does not open the backup.
    #[error("This passphrase does not open the backup: type the one it was made with. Nothing was restored.")]
    BackupPassphraseWrong,
    /// 422 `BACKUP_DAMAGED` (`restore` only): the backup is truncated or was changed after it
    /// was written; what failed is said.
    #[error("The backup is damaged ({0}): it was cut short or changed after it was made. Nothing was restored.")]
    BackupDamaged(String),
    /// 422 `BACKUP_NOT_RECOGNISED` (`restore` only): the file is not a Tessera portal backup, or
    /// one of a format newer than this portal reads.
    #[error("{0} is not a backup this portal can read: {1}. Nothing was restored.")]
    BackupNotRecognised(String, String),
    /// 409 `RESTORE_TARGET_NOT_EMPTY` (`restore` only): the database or signing key to restore
    /// into already exists; it was left as it was.
    #[error(
        "{0} already exists: a backup is restored only into a fresh data dir and an empty database. Nothing was changed."
    )]
    RestoreTargetNotEmpty(String),
    /// 409 `RESTORE_DATABASE_MISMATCH` (`restore` only): a backup of one database engine
    /// restored into the other.
    #[error(
        "This backup holds a {backup} database but the portal is configured for {configured}. Nothing was restored."
    )]
    RestoreDatabaseMismatch { backup: String, configured: String },
    /// 409 `BACKUP_NO_SIGNING_KEY` (`backup` only): the portal has no signing key at the path
    /// named, so nothing it signed could be answered after a restore; no file was written.
    #[error(
        "There is no signing key at {0}: start the portal once (it creates its key there) or name its key with --signing-key. No backup was written."
    )]
    BackupNoSigningKey(String),
    /// 500 `BACKUP_TOOL_MISSING` (PostgreSQL `backup` and `restore`): `pg_dump` or `pg_restore`
    /// cannot be run.
    #[error(
        "{0} cannot be run: install the PostgreSQL client tools (e.g. the postgresql-client package) or put them on the PATH."
    )]
    BackupToolMissing(String),
    /// 500 `BACKUP_TOOL_FAILED` (PostgreSQL `backup` and `restore`): `pg_dump` or `pg_restore`
    /// failed; its own message follows.
    #[error("{tool} failed: {message}")]
    BackupToolFailed { tool: String, message: String },
    /// 500 `INTERNAL`: details are logged, never sent.
    #[error("Something went wrong on the portal. Please try again later.")]
    Internal(String),
}

impl Error {
    /// The stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::BadRequest(_) => "BAD_REQUEST",
            Self::Format(e) => e.code(),
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::SignInFailed => "SIGN_IN_FAILED",
            Self::TokenInvalid => "TOKEN_INVALID",
            Self::ScopeMissing(_) => "SCOPE_MISSING",
            Self::MachineSignature => "MACHINE_SIGNATURE_INVALID",
            Self::KeyNotFound => "KEY_NOT_FOUND",
            Self::NotPaid(_) => "NOT_PAID",
            Self::AmountMismatch { .. } => "AMOUNT_MISMATCH",
            Self::AlreadyPaid(_) => "ALREADY_PAID",
            Self::PaymentConflict(_) => "PAYMENT_CONFLICT",
            Self::OrderStatus(_) => "WRONG_ORDER_STATUS",
            Self::ChangedMeanwhile(_) => "CHANGED_MEANWHILE",
            Self::InsufficientLicenses(_) => "INSUFFICIENT_LICENSES",
            Self::NotCompanyAdmin => "NOT_COMPANY_ADMIN",
            Self::ClientAlreadyLinked => "CLIENT_ALREADY_LINKED",
            Self::ClientHasAdmin => "CLIENT_HAS_ADMIN",
            Self::PaymentDeclined(_) => "PAYMENT_DECLINED",
            Self::ProviderUnavailable(_) => "PROVIDER_UNAVAILABLE",
            Self::NotFound => "NOT_FOUND",
            Self::NotActivated => "NOT_ACTIVATED",
            Self::Suspended => "SUSPENDED",
            Self::Revoked => "REVOKED",
            Self::Expired => "EXPIRED",
            Self::TooManyMachines(_) => "TOO_MANY_MACHINES",
            Self::UserSignInFailed => "USER_SIGN_IN_FAILED",
            Self::NoSeat(_) => "NO_SEAT",
            Self::SeatNotStarted { .. } => "SEAT_NOT_STARTED",
            Self::SeatEnded { .. } => "EXPIRED",
            Self::UserTooManyMachines(_) => "USER_TOO_MANY_MACHINES",
            Self::UserCodeWrong => "USER_CODE_WRONG",
            Self::UserCodeExpired(_) => "USER_CODE_EXPIRED",
            Self::Replayed => "REPLAYED",
            Self::Stale => "STALE_REQUEST",
            Self::NotEntitled(_) => "NOT_ENTITLED",
            Self::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            Self::TooLarge => "PAYLOAD_TOO_LARGE",
            Self::HeadersTooLarge(_) => "HEADERS_TOO_LARGE",
            Self::RateLimited(_) => "RATE_LIMITED",
            Self::BackupPassphraseWrong => "BACKUP_PASSPHRASE_WRONG",
            Self::BackupDamaged(_) => "BACKUP_DAMAGED",
            Self::BackupNotRecognised(..) => "BACKUP_NOT_RECOGNISED",
            Self::RestoreTargetNotEmpty(_) => "RESTORE_TARGET_NOT_EMPTY",
            Self::RestoreDatabaseMismatch { .. } => "RESTORE_DATABASE_MISMATCH",
            Self::BackupNoSigningKey(_) => "BACKUP_NO_SIGNING_KEY",
            Self::BackupToolMissing(_) => "BACKUP_TOOL_MISSING",
            Self::BackupToolFailed { .. } => "BACKUP_TOOL_FAILED",
            Self::Internal(_) => "INTERNAL",
        }
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Format(tessera_core::Error::Randomness(_)) => StatusCode::INTERNAL_SERVER_ERROR,
            Self::BadRequest(_) | Self::Format(_) | Self::Stale => StatusCode::BAD_REQUEST,
            Self::Unauthenticated
            | Self::SignInFailed
            | Self::UserSignInFailed
            | Self::UserCodeWrong
            | Self::UserCodeExpired(_)
            | Self::BackupPassphraseWrong
            | Self::TokenInvalid => StatusCode::UNAUTHORIZED,
            Self::ScopeMissing(_)
            | Self::MachineSignature
            | Self::Suspended
            | Self::Revoked
            | Self::Expired
            | Self::NoSeat(_)
            | Self::SeatNotStarted { .. }
            | Self::SeatEnded { .. }
            | Self::NotPaid(_) => StatusCode::FORBIDDEN,
            Self::KeyNotFound | Self::NotFound | Self::NotActivated => StatusCode::NOT_FOUND,
            Self::TooManyMachines(_)
            | Self::UserTooManyMachines(_)
            | Self::Replayed
            | Self::AmountMismatch { .. }
            | Self::AlreadyPaid(_)
            | Self::PaymentConflict(_)
            | Self::OrderStatus(_)
            | Self::ChangedMeanwhile(_)
            | Self::InsufficientLicenses(_)
            | Self::NotCompanyAdmin
            | Self::ClientAlreadyLinked
            | Self::ClientHasAdmin
            | Self::RestoreTargetNotEmpty(_)
            | Self::RestoreDatabaseMismatch { .. }
            | Self::BackupNoSigningKey(_) => StatusCode::CONFLICT,
            Self::NotEntitled(_) | Self::BackupDamaged(_) | Self::BackupNotRecognised(..) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Self::PaymentDeclined(_) => StatusCode::PAYMENT_REQUIRED,
            Self::ProviderUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::HeadersTooLarge(_) => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Self::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal(_) | Self::BackupToolMissing(_) | Self::BackupToolFailed { .. } => {
                StatusCode::INTERNAL_SERVER_ERROR
            }
        }
    }
}

impl Error {
    /// The variables of the message, for a client to say it in its customer's language:
    /// `product`, `date` (YYYY-MM-DD), `machines`, `seats`, `order`, `minutes`. Empty for most.
    #[must_use]
    pub fn args(&self) -> serde_json::Map<String, serde_json::Value> {
        use serde_json::Value;
        let pairs: Vec<(&str, Value)> = match self {
            Self::NoSeat(product) => vec![("product", product.as_str().into())],
            Self::SeatNotStarted { product, starts: date } | Self::SeatEnded { product, ended: date } => {
                vec![("product", product.as_str().into()), ("date", date.as_str().into())]
            }
            Self::UserTooManyMachines(machines) => vec![("machines", (*machines).into())],
            Self::TooManyMachines(seats) => vec![("seats", (*seats).into())],
            Self::NotPaid(order) => vec![("order", order.as_str().into())],
            Self::UserCodeExpired(minutes) => vec![("minutes", (*minutes).into())],
            _ => Vec::new(),
        };
        pairs.into_iter().map(|(name, value)| (name.to_owned(), value)).collect()
    }

    /// A 400 `BAD_REQUEST` saying refusal `key` (see [`Refusal::new`]).
    #[must_use]
    pub fn refused(key: &'static str, args: &[(&'static str, Arg<'static>)]) -> Self {
        Self::BadRequest(Refusal::new(key, args))
    }

    /// What was refused, in `localizer`'s language: a refusal through its key, an amount
    /// mismatch through `bo-refusal-amount-mismatch`; anything else (and a refusal without a
    /// key) as its English text.
    #[must_use]
    pub fn localized(&self, localizer: &Localizer) -> String {
        match self {
            Self::BadRequest(refusal)
            | Self::AlreadyPaid(refusal)
            | Self::PaymentConflict(refusal)
            | Self::OrderStatus(refusal)
            | Self::PaymentDeclined(refusal)
            | Self::ProviderUnavailable(refusal) => refusal.localized(localizer),
            Self::AmountMismatch { reference, expected, got } => localizer.text_with(
                AMOUNT_MISMATCH,
                &[("reference", reference.as_str()), ("expected", expected.as_str()), ("got", got.as_str())],
            ),
            other => other.to_string(),
        }
    }
}

/// The message of [`Error::AmountMismatch`]; its English is the variant's own text.
const AMOUNT_MISMATCH: &str = "bo-refusal-amount-mismatch";

/// Why a change was refused: the English sentence the API's `message` and the shell print,
/// and, for a refusal a person may read in another language, its message key (`bo-refusal-*`
/// in `locales/*/tessera.ftl`) with the variables. The English of a keyed refusal is the
/// English catalogue's, so the sentence is written once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    key: Option<&'static str>,
    args: Vec<(&'static str, Arg<'static>)>,
    english: String,
}

impl Refusal {
    /// The refusal `key` with its variables (numbers as numbers, for plural forms).
    #[must_use]
    pub fn new(key: &'static str, args: &[(&'static str, Arg<'static>)]) -> Self {
        let english = Localizer::new(Language::En).text_with(key, args);
        Self { key: Some(key), args: args.to_vec(), english }
    }

    /// The message key, when the refusal has one.
    #[must_use]
    pub fn key(&self) -> Option<&'static str> {
        self.key
    }

    /// The refusal in `localizer`'s language; its English text when it has no key.
    #[must_use]
    pub fn localized(&self, localizer: &Localizer) -> String {
        match self.key {
            Some(key) => localizer.text_with(key, &self.args),
            None => self.english.clone(),
        }
    }
}

/// A refusal in English only (input the API or the shell took, a rule no page shows).
impl From<String> for Refusal {
    fn from(english: String) -> Self {
        Self { key: None, args: Vec::new(), english }
    }
}

impl From<&str> for Refusal {
    fn from(english: &str) -> Self {
        english.to_owned().into()
    }
}

/// The English text.
impl Deref for Refusal {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

/// The one error body of the API.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable code, e.g. `TOO_MANY_MACHINES`.
    pub code: String,
    /// What the customer reads.
    pub message: String,
    /// The message's variables, for a client that says it in its customer's language (absent
    /// when it has none): `product`, `date` (YYYY-MM-DD), `machines`, `seats`, `order`,
    /// `minutes`; numbers as numbers.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    #[schema(value_type = Object)]
    pub args: serde_json::Map<String, serde_json::Value>,
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        if let Self::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let body = ErrorBody { code: self.code().into(), message: self.to_string(), args: self.args() };
        let mut response = (self.status(), axum::Json(body)).into_response();
        if let Self::RateLimited(seconds) = self
            && let Ok(value) = HeaderValue::from_str(&seconds.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"bo-refusal-…"` key written in the portal's source.
    fn keys_in_source() -> std::collections::BTreeSet<String> {
        let needle = concat!("\"bo-", "refusal-");
        let mut keys = std::collections::BTreeSet::new();
        let mut folders = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("source file");
                    for (at, _) in text.match_indices(needle) {
                        let key = text[at + 1..].split('"').next().unwrap_or_default();
                        if key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                            keys.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        keys
    }

    #[test]
    fn every_refusal_key_in_the_code_is_in_every_catalogue() {
        let keys = keys_in_source();
        assert!(keys.len() >= 20, "the scan found the refusals: {keys:?}");
        for language in Language::ALL {
            let localizer = Localizer::new(language);
            let missing: Vec<&String> = keys.iter().filter(|key| !localizer.has(key)).collect();
            assert!(missing.is_empty(), "{}: {missing:?}", language.code());
        }
    }

    #[test]
    fn a_refusal_speaks_english_to_the_api_and_the_reader_s_language_on_a_page() {
        let error = Error::refused(
            "bo-refusal-seats-held",
            &[("count", 3.into()), ("serial", "TS-1".into()), ("most", 2.into())],
        );
        assert_eq!(error.to_string(), "3 computers hold seats of license TS-1: free some before allowing only 2");
        assert_eq!(error.code(), "BAD_REQUEST");
        let ru = error.localized(&Localizer::new(Language::Ru));
        assert!(ru.starts_with("3 компьютера занимают места лицензии TS-1"), "{ru}");
        let plain = Error::BadRequest("The request is not valid.".into());
        assert_eq!(plain.localized(&Localizer::new(Language::Fr)), "The request is not valid.");
    }

    #[test]
    fn an_amount_mismatch_reads_the_same_in_english_through_its_key() {
        let error =
            Error::AmountMismatch { reference: "TS-9".into(), expected: "€10.00".into(), got: "€9.00".into() };
        assert_eq!(error.localized(&Localizer::new(Language::En)), error.to_string());
        assert!(error.localized(&Localizer::new(Language::It)).starts_with("Il pagamento di €9.00"));
    }
}
