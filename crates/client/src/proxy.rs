//! Which proxy the system's environment names for one portal address, decided here once, so
//! the proxy a failure blames is the proxy the request went through.

use std::net::IpAddr;

/// The proxy the environment names for `url` (`http_proxy`/`HTTP_PROXY` for `http://`,
/// `https_proxy`/`HTTPS_PROXY` for `https://`, then `all_proxy`/`ALL_PROXY`), unless
/// `no_proxy`/`NO_PROXY` covers the URL's host. `env` reads one variable.
#[must_use]
pub fn system_proxy_for(url: &str, env: impl Fn(&str) -> Option<String>) -> Option<String> {
    let read = |names: &[&str]| names.iter().find_map(|name| env(name).filter(|value| !value.trim().is_empty()));
    let (scheme, rest) = url.split_once("://")?;
    let proxy = match scheme.to_ascii_lowercase().as_str() {
        "http" => read(&["http_proxy", "HTTP_PROXY"]),
        "https" => read(&["https_proxy", "HTTPS_PROXY"]),
        _ => None,
    }
    .or_else(|| read(&["all_proxy", "ALL_PROXY"]))?;
    let host = host_of(rest);
    let bypass = read(&["no_proxy", "NO_PROXY"]).unwrap_or_default();
    if bypass.split(',').map(str::trim).filter(|entry| !entry.is_empty()).any(|entry| covers(entry, &host)) {
        return None;
    }
    Some(proxy.trim().to_owned())
}

/// The host of `authority/path…`, lower case, without port, brackets or user.
fn host_of(rest: &str) -> String {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = if let Some(bracketed) = authority.strip_prefix('[') {
        bracketed.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// Whether one `NO_PROXY` entry covers `host`: `*`; a domain, with or without its leading
/// dot, and its subdomains; an IP address; an IP network in CIDR notation. A port is ignored.
fn covers(entry: &str, host: &str) -> bool {
    if entry == "*" {
        return true;
    }
    let entry = entry.to_ascii_lowercase();
    if let Some((network, bits)) = entry.split_once('/') {
        return match (network.parse::<IpAddr>(), bits.parse::<u32>(), host.parse::<IpAddr>()) {
            (Ok(network), Ok(bits), Ok(address)) => in_network(address, network, bits),
            _ => false,
        };
    }
    let entry = entry.trim_start_matches('[');
    let entry = match entry.split_once(']') {
        Some((address, _)) => address,
        // `host:port`, but not an IPv6 address.
        None if entry.matches(':').count() == 1 => entry.split(':').next().unwrap_or_default(),
        None => entry,
    };
    let domain = entry.trim_start_matches("*.").trim_start_matches('.').trim_end_matches('.');
    if domain.is_empty() {
        return false;
    }
    if let (Ok(a), Ok(b)) = (domain.parse::<IpAddr>(), host.parse::<IpAddr>()) {
        return a == b;
    }
    host == domain || host.strip_suffix(domain).is_some_and(|prefix| prefix.ends_with('.'))
}

fn in_network(address: IpAddr, network: IpAddr, bits: u32) -> bool {
    match (address, network) {
        (IpAddr::V4(a), IpAddr::V4(n)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(a) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(n)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(a) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn the_proxy_follows_the_portals_scheme() {
        let vars = [("HTTPS_PROXY", "http://secure:3128"), ("HTTP_PROXY", "http://plain:3128")];
        assert_eq!(system_proxy_for("https://portal.example", env(&vars)).as_deref(), Some("http://secure:3128"));
        assert_eq!(system_proxy_for("http://portal.example", env(&vars)).as_deref(), Some("http://plain:3128"));
        let only_https = [("HTTPS_PROXY", "http://secure:3128")];
        assert_eq!(system_proxy_for("http://portal.example:8080/x", env(&only_https)), None, "http:// uses no proxy");
        let all = [("ALL_PROXY", "socks5://any:1080")];
        assert_eq!(system_proxy_for("http://portal.example", env(&all)).as_deref(), Some("socks5://any:1080"));
        let lower_first = [("http_proxy", "http://lower:1"), ("HTTP_PROXY", "http://upper:2")];
        assert_eq!(system_proxy_for("http://p", env(&lower_first)).as_deref(), Some("http://lower:1"));
    }

    #[test]
    fn no_proxy_covers_hosts_domains_addresses_and_networks() {
        let with = |no_proxy: &'static str| {
            [("HTTPS_PROXY", "http://proxy:3128"), ("HTTP_PROXY", "http://proxy:3128"), ("NO_PROXY", no_proxy)]
        };
        let bypassed = |url: &str, no_proxy: &'static str| system_proxy_for(url, env(&with(no_proxy))).is_none();
        assert!(bypassed("https://portal.example.com", "*"));
        assert!(bypassed("https://portal.example.com/api", "example.com"));
        assert!(bypassed("https://portal.example.com", ".example.com"));
        assert!(bypassed("https://Portal.Example.com:8443", "other.org, portal.example.com"));
        assert!(bypassed("https://portal.example.com", "portal.example.com:443"));
        assert!(!bypassed("https://notexample.com", "example.com"), "a suffix is not a subdomain");
        assert!(bypassed("http://127.0.0.1:8080", "localhost,127.0.0.1"));
        assert!(bypassed("http://10.1.2.3:8080", "10.0.0.0/8"));
        assert!(!bypassed("http://11.1.2.3:8080", "10.0.0.0/8"));
        assert!(bypassed("http://[::1]:8080", "::1"));
        assert!(bypassed("http://[fd00::5]:8080", "fd00::/8"));
        assert!(bypassed("http://user@intranet:8080", "intranet"));
        assert!(!bypassed("https://portal.example.com", ""));
    }
}
