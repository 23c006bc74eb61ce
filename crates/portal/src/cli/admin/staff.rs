//! `admin create-staff`: the back office's accounts, the password typed (not echoed) or piped in;
//! or a one-time link printed instead (`--link`); `admin staff-password-link`: such a link for a
//! forgotten password; `admin staff-reset-2fa`: a second factor turned off for a lost phone.

use std::io::IsTerminal as _;

use super::{CreateStaff, StaffPasswordLink, StaffReset2fa};
use crate::domain::{Actor, StaffRole};
use crate::error::{Error, Result};
use crate::mail::Mailer;
use crate::services::staff::{self, StaffForm};
use crate::store::Pool;

impl CreateStaff {
    pub(super) async fn run(self, pool: &Pool, mailer: &Mailer) -> Result<String> {
        let role = StaffRole::parse(&self.role)?;
        if self.link {
            let token = staff::create_with_link(pool, &Actor::cli(), &self.email, &self.name, role).await?;
            return Ok(format!(
                "{} <{}> is a member of staff ({role}) without a password yet: give them this link, which sets it once, within a day:\n{}",
                self.name.trim(),
                self.email.trim().to_lowercase(),
                link(mailer, &token)
            ));
        }
        let password =
            tokio::task::spawn_blocking(read_password).await.map_err(|e| Error::Internal(e.to_string()))??;
        let form = StaffForm { email: &self.email, name: &self.name, role, password: &password };
        staff::create(pool, &Actor::cli(), &form).await?;
        Ok(format!("{} <{}> can sign in to /admin as {role}", self.name.trim(), self.email.trim().to_lowercase()))
    }
}

impl StaffPasswordLink {
    pub(super) async fn run(self, pool: &Pool, mailer: &Mailer) -> Result<String> {
        let token = staff::password_link(pool, &self.email).await?;
        Ok(format!(
            "give {} this link, which sets a new password once, within a day (the old one works until then):\n{}",
            self.email.trim().to_lowercase(),
            link(mailer, &token)
        ))
    }
}

/// The page a password link opens.
fn link(mailer: &Mailer, token: &str) -> String {
    mailer.link(&format!("/admin/password/{token}"))
}

impl StaffReset2fa {
    pub(super) async fn run(self, pool: &Pool) -> Result<String> {
        let email = self.email.trim().to_lowercase();
        Ok(if staff::reset_two_factor(pool, &Actor::cli(), &email).await? {
            format!("the second factor of {email} is off: the password alone signs in until they turn it on again")
        } else {
            format!("{email} had no second factor on; nothing changed")
        })
    }
}

/// The password: asked on the terminal without echo, else the first line of standard input.
fn read_password() -> Result<String> {
    let read = |e: std::io::Error| Error::BadRequest(format!("the password cannot be read: {e}").into());
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password("Password for the new member of staff: ").map_err(read);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(read)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
