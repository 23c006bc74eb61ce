//! Seats of a company's licenses (seed 004): who administers the company, binding a seat to a
//! registered user and unbinding it, inviting users, and binding last term's users again.

use tessera_i18n::{Language, Localizer};

use super::mail::{Addressed, Content, company, language_of, queue_replying, signature};
use crate::domain::day::iso as day;
use crate::domain::{Actor, CompanyRole, CustomerId, Email, EventKind, LicenseId, MailKind, SeatStatus, UserId};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::accounts;
use crate::services::events::{self, Change};
use crate::store::seats::{self, Filter, Member, Seat, Taken};
use crate::store::{self, Conn, Paged, Pool};
use crate::store::{licenses, machines};

/// Why a seat was not bound or unbound: a stable code and the message's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No registered user of the company has the e-mail typed.
    NoUser,
    /// Someone bound the seat first.
    Taken,
    /// The user has a seat of this license already.
    HasOne,
    /// The seat's term has ended.
    Ended,
    /// The seat is bound to nobody (unbound meanwhile).
    NotBound,
    /// The address typed is not an e-mail address.
    BadEmail,
    /// The invited address has an account already.
    HasAccount,
}

impl Refused {
    /// The stable code, as tests and logs name it.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::NoUser => "SEAT_NO_USER",
            Self::Taken => "SEAT_TAKEN",
            Self::HasOne => "SEAT_USER_HAS_ONE",
            Self::Ended => "SEAT_ENDED",
            Self::NotBound => "SEAT_NOT_BOUND",
            Self::BadEmail => "SEAT_BAD_EMAIL",
            Self::HasAccount => "SEAT_HAS_ACCOUNT",
        }
    }

    /// The message id of the customer's message.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::NoUser => "web-seats-no-user",
            Self::Taken => "web-seats-taken",
            Self::HasOne => "web-seats-has-one",
            Self::Ended => "web-seats-ended",
            Self::NotBound => "web-seats-not-bound",
            Self::BadEmail => "web-seats-bad-email",
            Self::HasAccount => "web-seats-has-account",
        }
    }
}

/// The role of the person signed in: an account's own, and the buyer's (signed in with e-mail
/// and order number) is the company's admin.
pub async fn role(pool: &Pool, user_id: Option<&UserId>) -> Result<CompanyRole> {
    match user_id {
        None => Ok(CompanyRole::Admin),
        Some(id) => Ok(seats::role_of(pool, id).await?.unwrap_or(CompanyRole::User)),
    }
}

/// A page of the company's seats, made first for licenses paid since the last look.
pub async fn page(
    pool: &Pool,
    customer_id: &CustomerId,
    filter: &Filter<'_>,
    page: Option<i64>,
) -> Result<Paged<Seat>> {
    seats::make_missing(pool, customer_id).await?;
    seats::page(pool, customer_id, filter, store::now(), page).await
}

/// The accounts of the company.
pub async fn members(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<Member>> {
    let mut conn = store::acquire(pool).await?;
    seats::members(&mut conn, customer_id).await
}

/// Binds seat `seat_id` of the company to its registered user `email`, records it and mails the
/// user; another company's seat is not found.
pub async fn bind(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    customer_id: &CustomerId,
    seat_id: &str,
    email: &str,
) -> Result<Result<Seat, Refused>> {
    let mut tx = store::begin(pool).await?;
    let outcome = bind_in(&mut tx, mailer, actor, customer_id, seat_id, email).await?;
    if outcome.is_ok() {
        tx.commit().await?;
    }
    Ok(outcome)
}

async fn bind_in(
    conn: &mut Conn,
    mailer: &Mailer,
    actor: &Actor,
    customer_id: &CustomerId,
    seat_id: &str,
    email: &str,
) -> Result<Result<Seat, Refused>> {
    let now = store::now();
    let seat = seats::of_customer(conn, customer_id, seat_id, now).await?.ok_or(Error::NotFound)?;
    let email = Email::normalized(email);
    let Some(user) = seats::member(conn, customer_id, email.as_str()).await?.filter(|m| m.registered == 1) else {
        return Ok(Err(Refused::NoUser));
    };
    match seats::bind(conn, customer_id, seat_id, &user.id, now).await? {
        Taken::Bound => {}
        Taken::HasOne => return Ok(Err(Refused::HasOne)),
        Taken::NotFree if seat.status == SeatStatus::Expired => return Ok(Err(Refused::Ended)),
        Taken::NotFree => return Ok(Err(Refused::Taken)),
    }
    let seat = seats::of_customer(conn, customer_id, seat_id, now).await?.ok_or(Error::NotFound)?;
    recorded(conn, actor, customer_id, &seat, EventKind::SeatBound, &user.email, now).await?;
    mail(conn, mailer, customer_id, &seat, &user.email, MailKind::SeatBound).await?;
    Ok(Ok(seat))
}

/// Frees seat `seat_id` of the company, records it and mails the user whose access ended.
pub async fn unbind(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    customer_id: &CustomerId,
    seat_id: &str,
) -> Result<Result<Seat, Refused>> {
    let now = store::now();
    let mut tx = store::begin(pool).await?;
    let seat = seats::of_customer(&mut tx, customer_id, seat_id, now).await?.ok_or(Error::NotFound)?;
    let Some(email) = seat.user_email.clone() else { return Ok(Err(Refused::NotBound)) };
    let Some(user) = seats::member(&mut tx, customer_id, &email).await? else { return Ok(Err(Refused::NotBound)) };
    if !seats::unbind(&mut tx, customer_id, seat_id, &user.id).await? {
        return Ok(Err(Refused::NotBound));
    }
    // The user's machines stop counting at once: a new activation may take their places now;
    // each one's next refresh is still answered REVOKED with the reason.
    let released = machines::release_on_seat(&mut tx, seat_id, user.id.as_str(), now).await?;
    if released > 0 {
        licenses::free_seats(&mut tx, &seat.license_id, released).await?;
    }
    recorded(&mut tx, actor, customer_id, &seat, EventKind::SeatUnbound, &email, now).await?;
    mail(&mut tx, mailer, customer_id, &seat, &email, MailKind::SeatUnbound).await?;
    tx.commit().await?;
    Ok(Ok(seat))
}

/// Invites `email` to the company as a user: an account without password and the mailed link
/// to register (set a password), in `language`.
pub async fn invite(
    pool: &Pool,
    mailer: &Mailer,
    language: Language,
    customer_id: &CustomerId,
    email: &str,
) -> Result<Result<String, Refused>> {
    let email = Email::normalized(email);
    if email.as_str().parse::<lettre::Address>().is_err() {
        return Ok(Err(Refused::BadEmail));
    }
    if accounts::user_by_email(pool, email.as_str()).await?.is_some() {
        return Ok(Err(Refused::HasAccount));
    }
    let user_id = match accounts::add_user(pool, customer_id, email.as_str()).await {
        Ok(id) => id,
        Err(Error::BadRequest(_)) => return Ok(Err(Refused::HasAccount)),
        Err(e) => return Err(e),
    };
    let mut conn = store::acquire(pool).await?;
    seats::set_role(&mut conn, &user_id, CompanyRole::User).await?;
    drop(conn);
    let token = accounts::create_reset(pool, &user_id, accounts::INVITE_SECONDS).await?;
    accounts::mail_link(pool, mailer, language, email.as_str(), &token, true).await?;
    Ok(Ok(email.as_str().to_owned()))
}

/// Whom "Bind the same users as last term" binds on license `license_id`: the users bound on
/// the previous license of the same product who are still registered in the company and not
/// bound here yet, as many as there are free seats; and those it skips.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Carry {
    pub binds: Vec<String>,
    pub skipped: Vec<String>,
}

/// What "Bind the same users as last term" would do on license `license_id` of the company.
pub async fn carry_preview(pool: &Pool, customer_id: &CustomerId, license_id: &str) -> Result<Carry> {
    let mut conn = store::acquire(pool).await?;
    carry_in(&mut conn, customer_id, license_id).await.map(|(carry, _)| carry)
}

async fn carry_in(conn: &mut Conn, customer_id: &CustomerId, license_id: &str) -> Result<(Carry, Vec<Seat>)> {
    let now = store::now();
    let here = seats::of_license(conn, customer_id, license_id, now).await?;
    if here.is_empty() {
        return Err(Error::NotFound);
    }
    let Some(previous) = seats::previous_license(conn, customer_id, license_id).await? else {
        return Ok((Carry::default(), here));
    };
    let before = seats::of_license(conn, customer_id, &previous, now).await?;
    let bound_here: Vec<&str> = here.iter().filter_map(|s| s.user_email.as_deref()).collect();
    let mut free = here.iter().filter(|s| matches!(s.status, SeatStatus::Free | SeatStatus::NotStarted)).count();
    let mut carry = Carry::default();
    for email in before.iter().filter_map(|s| s.user_email.clone()) {
        if bound_here.contains(&email.as_str()) {
            continue;
        }
        let still = seats::member(conn, customer_id, &email).await?.is_some_and(|m| m.registered == 1);
        if still && free > 0 {
            free -= 1;
            carry.binds.push(email);
        } else {
            carry.skipped.push(email);
        }
    }
    Ok((carry, here))
}

/// Binds the users of the previous term on license `license_id`'s free seats, in one
/// transaction; the e-mails bound.
pub async fn carry_over(
    pool: &Pool,
    mailer: &Mailer,
    actor: &Actor,
    customer_id: &CustomerId,
    license_id: &str,
) -> Result<Result<Vec<String>, Refused>> {
    let mut tx = store::begin(pool).await?;
    let (carry, here) = carry_in(&mut tx, customer_id, license_id).await?;
    let mut free = here.iter().filter(|s| matches!(s.status, SeatStatus::Free | SeatStatus::NotStarted));
    for email in &carry.binds {
        let seat = free.next().ok_or(Error::Internal("a seat counted free is gone".into()))?;
        if let Err(refused) = bind_in(&mut tx, mailer, actor, customer_id, &seat.id, email).await? {
            return Ok(Err(refused));
        }
    }
    tx.commit().await?;
    Ok(Ok(carry.binds))
}

async fn recorded(
    conn: &mut Conn,
    actor: &Actor,
    customer_id: &CustomerId,
    seat: &Seat,
    kind: EventKind,
    email: &str,
    now: i64,
) -> Result<()> {
    let change = Change {
        kind,
        at: now,
        subject: &seat.serial,
        customer_id: Some(customer_id),
        order_id: None,
        license_id: Some(&seat.license_id),
        before: None,
        after: Some(serde_json::json!({ "seat": seat.number, "email": email })),
    };
    events::record(conn, actor, &change).await
}

/// Tells `email` their access to the seat's product began or ended, in the company's language.
async fn mail(
    conn: &mut Conn,
    mailer: &Mailer,
    customer_id: &CustomerId,
    seat: &Seat,
    email: &str,
    kind: MailKind,
) -> Result<()> {
    let company = company(conn, customer_id).await?;
    let language = language_of(&company.language);
    let t = Localizer::new(language);
    let ends = seat.ends_at.map_or_else(|| t.text("web-seats-no-end"), day);
    let args = [
        ("product", tessera_i18n::Arg::from(seat.product.clone())),
        ("edition", tessera_i18n::Arg::from(seat.edition.clone())),
        ("company", tessera_i18n::Arg::from(company.company.clone())),
        ("ends", tessera_i18n::Arg::from(ends)),
    ];
    let (subject, body) = if kind == MailKind::SeatBound {
        ("mail-seat-bound-subject", "mail-seat-bound-body")
    } else {
        ("mail-seat-unbound-subject", "mail-seat-unbound-body")
    };
    let content = Content {
        subject: t.text_with(subject, &args),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![t.text_with(body, &args)],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let license_id: &LicenseId = &seat.license_id;
    let to = Addressed {
        kind,
        to: email,
        language,
        customer_id: Some(customer_id),
        order_id: None,
        license_id: Some(license_id),
        carries_secret: false,
    };
    queue_replying(conn, &to, &content, None).await
}

/// The products the company has seats of, for the filter.
pub async fn products(pool: &Pool, customer_id: &CustomerId) -> Result<Vec<seats::ProductOption>> {
    seats::products(pool, customer_id).await
}
