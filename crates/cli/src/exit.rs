//! The exit codes of `tessera`: stable and documented (docs/cli.md), because scripts branch on them.

use std::process::ExitCode;

/// What a run of `tessera` ended with. The numbers never change; new cases get new numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: the license is valid, or the operation succeeded.
    Success,
    /// 1: a failure with a code this table does not know yet (a newer library).
    Unexpected,
    /// 2: the command line is wrong (clap's own code).
    Usage,
    /// 3: this computer has no license (`NOT_ACTIVATED`).
    NotActivated,
    /// 4: the license is in its grace period: still usable, refresh soon.
    Grace,
    /// 5: the license has expired (term ended, or offline grace ran out).
    Expired,
    /// 6: the vendor suspended or revoked the license.
    Withdrawn,
    /// 7: the license belongs to another computer.
    FingerprintMismatch,
    /// 8: the clock was turned back, or the time must be confirmed by the portal first.
    ClockTampered,
    /// 9: the license file here is not genuine or not readable.
    InvalidLicense,
    /// 10: the portal could not be reached: network, proxy, TLS, time-out, or an answer not
    /// signed by it (a captive portal or an intercepting proxy).
    Connectivity,
    /// 11: the portal answered with a refusal (`KEY_NOT_FOUND`, `TOO_MANY_MACHINES`, ...), or
    /// the customer portal needs a sign-in.
    PortalRefused,
    /// 12: what was typed or given is wrong: a key, a file, a setting.
    BadInput,
    /// 13: this computer's own storage: state files, credential store, machine id.
    LocalStorage,
}

impl Exit {
    /// The process exit status.
    #[must_use]
    pub fn number(self) -> u8 {
        match self {
            Self::Success => 0,
            Self::Unexpected => 1,
            Self::Usage => 2,
            Self::NotActivated => 3,
            Self::Grace => 4,
            Self::Expired => 5,
            Self::Withdrawn => 6,
            Self::FingerprintMismatch => 7,
            Self::ClockTampered => 8,
            Self::InvalidLicense => 9,
            Self::Connectivity => 10,
            Self::PortalRefused => 11,
            Self::BadInput => 12,
            Self::LocalStorage => 13,
        }
    }

    /// The exit for a license state code (`LicenseState::code`), as `tessera status` ends.
    #[must_use]
    pub fn for_state(code: &str) -> Self {
        match code {
            "VALID" | "REGISTERED" => Self::Success,
            "NOT_ACTIVATED" => Self::NotActivated,
            "GRACE" => Self::Grace,
            "EXPIRED" => Self::Expired,
            "SUSPENDED" | "REVOKED" => Self::Withdrawn,
            "FINGERPRINT_MISMATCH" => Self::FingerprintMismatch,
            "CLOCK_TAMPERED" | "TIME_UNCONFIRMED" => Self::ClockTampered,
            "INVALID" => Self::InvalidLicense,
            _ => Self::Unexpected,
        }
    }

    /// The exit for a failed operation, from the error's stable code.
    ///
    /// `from_portal` says the portal itself answered with this code: every such refusal is
    /// [`Exit::PortalRefused`], even one named like a local code (`NOT_ACTIVATED`).
    #[must_use]
    pub fn for_error(code: &str, from_portal: bool) -> Self {
        if from_portal {
            return Self::PortalRefused;
        }
        match code {
            "NETWORK_UNREACHABLE"
            | "PROXY_FAILED"
            | "TLS_FAILED"
            | "PORTAL_TIMEOUT"
            | "PORTAL_NOT_GENUINE"
            | "NOT_A_PORTAL" => Self::Connectivity,
            "NOT_SIGNED_IN" => Self::PortalRefused,
            // The command must say --replace.
            "LICENSE_HELD" => Self::Usage,
            "NOT_ACTIVATED" => Self::NotActivated,
            "STATE_CORRUPT"
            | "STORAGE_FAILED"
            | "CREDENTIAL_STORE_FAILED"
            | "MACHINE_ID_UNAVAILABLE"
            | "RANDOMNESS_UNAVAILABLE"
            | "INVALID_SIGNING_KEY" => Self::LocalStorage,
            "NO_PENDING_REQUEST"
            | "INVALID_SETTING"
            | "FILE_UNREADABLE"
            | "UNKNOWN_SIGNING_KEY"
            | "BAD_SIGNATURE"
            | "RESPONSE_MISMATCH"
            | "PRODUCT_MISMATCH" => Self::BadInput,
            code if code.starts_with("CODE_") || code.starts_with("FILE_") => Self::BadInput,
            _ => Self::Unexpected,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        Self::from(exit.number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(codes: &[&str]) -> Vec<u8> {
        codes.iter().map(|code| Exit::for_state(code).number()).collect()
    }

    fn errors(codes: &[&str]) -> Vec<u8> {
        codes.iter().map(|code| Exit::for_error(code, false).number()).collect()
    }

    #[test]
    fn a_valid_license_exits_0() {
        assert_eq!(states(&["VALID"]), [0]);
    }

    #[test]
    fn a_failure_with_an_unknown_code_exits_1() {
        assert_eq!(errors(&["SOMETHING_NEW"]), [1]);
        assert_eq!(states(&["SOMETHING_NEW"]), [1]);
    }

    #[test]
    fn a_usage_error_exits_2_like_clap() {
        assert_eq!(Exit::Usage.number(), 2);
        let clap_error = clap::Error::new(clap::error::ErrorKind::UnknownArgument);
        assert_eq!(clap_error.exit_code(), 2);
    }

    #[test]
    fn not_activated_exits_3_as_a_state_and_as_an_error() {
        assert_eq!(states(&["NOT_ACTIVATED"]), [3]);
        assert_eq!(errors(&["NOT_ACTIVATED"]), [3]);
    }

    #[test]
    fn a_license_in_grace_exits_4() {
        assert_eq!(states(&["GRACE"]), [4]);
    }

    #[test]
    fn an_expired_license_exits_5() {
        assert_eq!(states(&["EXPIRED"]), [5]);
    }

    #[test]
    fn a_suspended_or_revoked_license_exits_6() {
        assert_eq!(states(&["SUSPENDED", "REVOKED"]), [6, 6]);
    }

    #[test]
    fn a_license_of_another_computer_exits_7() {
        assert_eq!(states(&["FINGERPRINT_MISMATCH"]), [7]);
    }

    #[test]
    fn a_clock_turned_back_exits_8() {
        assert_eq!(states(&["CLOCK_TAMPERED", "TIME_UNCONFIRMED"]), [8, 8]);
    }

    #[test]
    fn an_invalid_license_file_exits_9() {
        assert_eq!(states(&["INVALID"]), [9]);
    }

    #[test]
    fn a_portal_that_cannot_be_reached_exits_10() {
        let codes = [
            "NETWORK_UNREACHABLE",
            "PROXY_FAILED",
            "TLS_FAILED",
            "PORTAL_TIMEOUT",
            "PORTAL_NOT_GENUINE",
            "NOT_A_PORTAL",
        ];
        assert_eq!(errors(&codes), [10; 6]);
    }

    #[test]
    fn a_refusal_by_the_portal_exits_11() {
        for code in ["KEY_NOT_FOUND", "TOO_MANY_MACHINES", "SIGN_IN_FAILED", "NOT_ACTIVATED", "UNEXPECTED_ANSWER"] {
            assert_eq!(Exit::for_error(code, true).number(), 11, "{code} from the portal");
        }
        assert_eq!(errors(&["NOT_SIGNED_IN"]), [11]);
    }

    #[test]
    fn bad_input_exits_12() {
        let codes = [
            "CODE_CHECKSUM",
            "CODE_LENGTH",
            "FILE_DAMAGED",
            "FILE_NOT_ARMOURED",
            "FILE_UNREADABLE",
            "BAD_SIGNATURE",
            "UNKNOWN_SIGNING_KEY",
            "RESPONSE_MISMATCH",
            "PRODUCT_MISMATCH",
            "NO_PENDING_REQUEST",
            "INVALID_SETTING",
        ];
        assert_eq!(errors(&codes), [12; 11]);
    }

    #[test]
    fn local_storage_and_credential_failures_exit_13() {
        let codes = [
            "STATE_CORRUPT",
            "STORAGE_FAILED",
            "CREDENTIAL_STORE_FAILED",
            "MACHINE_ID_UNAVAILABLE",
            "RANDOMNESS_UNAVAILABLE",
            "INVALID_SIGNING_KEY",
        ];
        assert_eq!(errors(&codes), [13; 6]);
    }
}
