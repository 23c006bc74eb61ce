//! `admin create-staff`: the back office's accounts, the password typed (not echoed) or piped in;
//! `admin staff-reset-2fa`: a second factor turned off for a lost phone.

use std::io::IsTerminal as _;

use super::{CreateStaff, StaffReset2fa};
use crate::domain::{Actor, StaffRole};
use crate::error::{Error, Result};
use crate::services::staff::{self, StaffForm};
use crate::store::Pool;

impl CreateStaff {
    pub(super) async fn run(self, pool: &Pool) -> Result<String> {
        let role = StaffRole::parse(&self.role)?;
        let password =
            tokio::task::spawn_blocking(read_password).await.map_err(|e| Error::Internal(e.to_string()))??;
        let form = StaffForm { email: &self.email, name: &self.name, role, password: &password };
        staff::create(pool, &Actor::cli(), &form).await?;
        Ok(format!("{} <{}> can sign in to /admin as {role}", self.name.trim(), self.email.trim().to_lowercase()))
    }
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
    let read = |e: std::io::Error| Error::BadRequest(format!("the password cannot be read: {e}"));
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password("Password for the new member of staff: ").map_err(read);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(read)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}
