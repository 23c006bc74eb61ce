//! Client companies that are customers (#13 Part B, "exactly like Part A"): a seller names its
//! client's company administrator (an existing customer's admin links the client to that
//! company; a new address makes the company and invites its admin), and each term of a linked
//! client becomes a license of the term's users, whose seats the company admin binds.
//!
//! A client term's license has no order: the seller's pool paid it (the ledger's `allocate`
//! row names the term, the license names the term, `license_issued` names the actor), so the
//! one path that issues licenses (`issuing::issue_license`) serves it as it serves orders.

use chrono::NaiveDate;
use tessera_core::LicenseStatus;
use tessera_i18n::{Arg, Language, Localizer};

use super::customers::{CustomerForm, add_customer};
use super::events::{self, Change};
use super::issuing::{LicenseForm, issue_license};
use super::mail::{Addressed, Content, language_of, queue_replying, signature};
use crate::domain::day::midnight;
use crate::domain::{Actor, CustomerId, Email, EventKind, LicenseId, MailKind, Serial, UserId};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::accounts;
use crate::store::client_companies::{self as links, Link};
use crate::store::client_terms::{self, ClientTerm};
use crate::store::organisations::Organisation;
use crate::store::user_seats::DEFAULT_MACHINES_PER_USER;
use crate::store::{self, Conn, Pool, customers, licenses};

/// What naming a client's company administrator did.
#[derive(Debug, Clone)]
pub struct Named {
    pub customer_id: CustomerId,
    pub email: String,
    /// The new admin's account and the language of their invitation, when the company was made
    /// now (the invitation is mailed once the link is committed: see [`invite`]).
    pub invite: Option<(UserId, Language)>,
    /// The licenses issued for the client's terms.
    pub licenses: usize,
}

/// Links `client` (a client `seller` sees, its turn taken in `tx`) to the company whose
/// administrator is `email`, or to a new company of the client's name with `email` as its
/// administrator; records it, and issues the licenses of the client's terms not ended by `today`.
///
/// Refused: `NOT_COMPANY_ADMIN` for a company's user, `CLIENT_ALREADY_LINKED` for a company
/// another client is linked to, `CLIENT_HAS_ADMIN` for a client linked to a company already
/// with another admin (naming the same admin again changes nothing).
pub async fn link_in(
    tx: &mut Conn,
    mailer: &Mailer,
    actor: &Actor,
    seller: &Organisation,
    client: &Organisation,
    email: &str,
    today: NaiveDate,
) -> Result<Named> {
    let email = Email::normalized(email.trim());
    if email.as_str().parse::<lettre::Address>().is_err() {
        return Err(Error::BadRequest(format!("'{email}' is not an e-mail address.").into()));
    }
    if let Some(linked) = client.customer_id.as_deref() {
        if client.admin_email.as_deref() == Some(email.as_str()) {
            let customer_id = CustomerId::new(linked);
            return Ok(Named { customer_id, email: email.into_string(), invite: None, licenses: 0 });
        }
        return Err(Error::ClientHasAdmin);
    }
    let now = store::now();
    let (customer_id, invite) = match links::account(tx, email.as_str()).await? {
        Some(account) if account.role != "admin" => return Err(Error::NotCompanyAdmin),
        Some(account) => (CustomerId::new(account.customer_id), None),
        None => match customers::id_by_email(tx, &email).await? {
            // The buyer of a company's orders administers it.
            Some(id) => (id, None),
            None => {
                let language = language_of(&seller.language);
                let id = new_company(tx, actor, client, &email, language, now).await?;
                let user = links::insert_admin(tx, &id, email.as_str(), now).await?;
                (id, Some((UserId::new(user), language)))
            }
        },
    };
    if links::client_of(tx, &customer_id).await?.is_some() {
        return Err(Error::ClientAlreadyLinked);
    }
    match links::link(tx, &client.id, &customer_id, email.as_str(), now).await? {
        Link::Linked => {}
        Link::CustomerTaken => return Err(Error::ClientAlreadyLinked),
        Link::ClientTaken => return Err(Error::ClientHasAdmin),
    }
    let change = Change {
        kind: EventKind::ClientLinked,
        at: now,
        subject: &client.name,
        customer_id: Some(&customer_id),
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({
            "client": client.id,
            "seller": seller.id,
            "admin": email.as_str(),
            "new_company": invite.is_some(),
        })),
    };
    events::record(tx, actor, &change).await?;
    if invite.is_none() {
        tell_company(tx, mailer, seller, client, &customer_id, email.as_str()).await?;
    }
    let today = today.format("%Y-%m-%d").to_string();
    let mut issued = 0;
    for term in client_terms::of_client(tx, &client.id).await?.iter().filter(|t| t.ends_on > today) {
        if links::license_of_term(tx, &term.id).await?.is_none() {
            issue_term(tx, actor, &customer_id, term).await?;
            issued += 1;
        }
    }
    Ok(Named { customer_id, email: email.into_string(), invite, licenses: issued })
}

/// Tells the administrator of an existing company that `seller` linked its client to the company,
/// in the company's language, in `tx`: the company learns who puts licenses on it.
async fn tell_company(
    tx: &mut Conn,
    mailer: &Mailer,
    seller: &Organisation,
    client: &Organisation,
    customer_id: &CustomerId,
    email: &str,
) -> Result<()> {
    let Some(company) = customers::recipient(tx, customer_id).await? else { return Ok(()) };
    let language = language_of(&company.language);
    let t = Localizer::new(language);
    let args = [
        ("seller", Arg::from(seller.name.as_str())),
        ("client", Arg::from(client.name.as_str())),
        ("company", Arg::from(company.company.as_str())),
    ];
    let content = Content {
        subject: t.text_with("mail-client-linked-subject", &args),
        greeting: t.text("mail-greeting"),
        paragraphs: vec![
            t.text_with("mail-client-linked-body", &args),
            t.text_with("mail-client-linked-object", &args),
        ],
        signature: signature(&t, mailer),
        ..Content::default()
    };
    let to = Addressed {
        kind: MailKind::ClientLinked,
        to: email,
        language,
        customer_id: Some(customer_id),
        order_id: None,
        license_id: None,
        carries_secret: false,
    };
    queue_replying(tx, &to, &content, None).await
}

/// A new customer company named as the client, `email` its purchase e-mail, mail in `language`.
async fn new_company(
    tx: &mut Conn,
    actor: &Actor,
    client: &Organisation,
    email: &Email,
    language: Language,
    now: i64,
) -> Result<CustomerId> {
    let form = CustomerForm {
        company: &client.name,
        email: email.as_str(),
        country: "",
        city: "",
        vat_id: None,
        first_name: "",
        last_name: "",
        manager: "",
        phone: "",
        activation_key: None,
        since: Some(now),
        language: Some(language.code()),
    };
    let (id, _) = add_customer(tx, &form).await?;
    let change = Change {
        kind: EventKind::CustomerAdded,
        at: now,
        subject: &client.name,
        customer_id: Some(&id),
        order_id: None,
        license_id: None,
        before: None,
        after: Some(serde_json::json!({ "company": client.name, "email": email.as_str(), "client": client.id })),
    };
    events::record(tx, actor, &change).await?;
    Ok(id)
}

/// Mails the invitation of a company admin made by [`link_in`], once its transaction committed:
/// the link to register (set a password) with the address filled in, in the seller's language.
pub async fn invite(pool: &Pool, mailer: &Mailer, named: &Named) -> Result<()> {
    let Some((user_id, language)) = &named.invite else { return Ok(()) };
    let token = accounts::create_reset(pool, user_id, accounts::INVITE_SECONDS).await?;
    accounts::mail_link(pool, mailer, *language, &named.email, &token, true).await
}

/// Issues the license client term `term` becomes for `customer_id`: the product's first edition,
/// one user per seat, as many machines per user as a plan gives by default, from the term's
/// first day to its end (not renewed: a new term is a new license), support for its years.
pub async fn issue_term(
    tx: &mut Conn,
    actor: &Actor,
    customer_id: &CustomerId,
    term: &ClientTerm,
) -> Result<LicenseId> {
    let edition = links::edition_of(tx, &term.product_id)
        .await?
        .ok_or_else(|| Error::BadRequest(format!("Product {} has no edition to license.", term.product_id).into()))?;
    let (Some(starts_at), Some(ends_at)) = (midnight(&term.starts_on), midnight(&term.ends_on)) else {
        return Err(Error::Internal(format!("client term {} has days {} {}", term.id, term.starts_on, term.ends_on)));
    };
    let machines = term
        .users
        .checked_mul(DEFAULT_MACHINES_PER_USER)
        .ok_or_else(|| Error::BadRequest("Too many users for one license.".into()))?;
    let form = LicenseForm {
        customer_id,
        order_id: None,
        product: &term.product_id,
        edition: &edition,
        serial: &Serial::generate(),
        users: term.users,
        machines,
        starts_at,
        expires_at: Some(ends_at),
        support_years: Some(term.years),
    };
    let id = issue_license(tx, actor, &form).await?;
    links::mark_license(tx, &id, &term.id).await?;
    Ok(id)
}

/// Voids the license of client term `term_id`, cancelled before it started: its seats go and it
/// is revoked (its activations, if any, hear it at their next refresh).
pub async fn void_term(tx: &mut Conn, actor: &Actor, term_id: &str) -> Result<()> {
    let Some((license_id, serial)) = links::license_of_term(tx, term_id).await? else { return Ok(()) };
    links::remove_seats(tx, &license_id).await?;
    let reason = "The term of this license was cancelled before it started.";
    let serial = Serial::stored(serial);
    licenses::set_status(tx, &serial, LicenseStatus::Revoked, Some(reason)).await?;
    let license_id = LicenseId::new(license_id);
    let change = Change {
        kind: EventKind::LicenseStatusChanged,
        at: store::now(),
        subject: serial.as_str(),
        customer_id: None,
        order_id: None,
        license_id: Some(&license_id),
        before: Some(serde_json::json!({ "status": "active" })),
        after: Some(serde_json::json!({ "status": "revoked", "reason": reason, "term": term_id })),
    };
    events::record(tx, actor, &change).await
}
