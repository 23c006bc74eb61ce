//! Trusted proxies: which peers the portal believes when they name, in `X-Forwarded-For`, the
//! client they forward for, and which client address that header then gives.

use std::fmt;
use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The header a reverse proxy appends the address it received a request from to.
const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// The addresses and ranges of the reverse proxies in front of the portal (`--trusted-proxies`).
/// Empty by default: `X-Forwarded-For` is then ignored and the client is the TCP peer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses a comma-separated list of IPv4 or IPv6 addresses and CIDR ranges, e.g.
    /// `127.0.0.1,10.0.0.0/8,::1`; blank entries are skipped.
    ///
    /// # Errors
    ///
    /// A message naming the first entry that is neither an address nor a range.
    pub fn parse(text: &str) -> Result<Self, String> {
        text.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .map(|range| range.trunc())
                    .or_else(|_| entry.parse::<IpAddr>().map(|address| IpNet::from(address.to_canonical())))
                    .map_err(|_| {
                        format!("trusted proxy '{entry}' is not an IP address or a CIDR range (such as 10.0.0.0/8)")
                    })
            })
            .collect::<Result<_, _>>()
            .map(Self)
    }

    /// Whether no proxy is trusted (the default).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn trusts(&self, address: IpAddr) -> bool {
        // A dual-stack listener sees IPv4 peers as `::ffff:a.b.c.d`.
        let address = address.to_canonical();
        self.0.iter().any(|range| range.contains(&address))
    }

    /// The client a request from `peer` with `headers` comes from. From a trusted peer, the
    /// right-most address of `X-Forwarded-For` (every such header, in order) that is not itself
    /// a trusted proxy, or the left-most when all are; an element that does not parse ends the
    /// walk at the last good address. From any other peer the header is ignored: a client
    /// cannot choose the address it is counted under.
    #[must_use]
    pub fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> SocketAddr {
        if !self.trusts(peer.ip()) {
            return peer;
        }
        let mut client = peer;
        for value in headers.get_all(X_FORWARDED_FOR).iter().rev() {
            let Ok(text) = value.to_str() else { return client };
            for element in text.rsplit(',') {
                let Some(address) = forwarded_address(element.trim()) else { return client };
                client = address;
                if !self.trusts(address.ip()) {
                    return client;
                }
            }
        }
        client
    }
}

/// One element of `X-Forwarded-For`: an address, or an address and port as some load balancers
/// write it (`203.0.113.1:4711`, `[2001:db8::1]:4711`); port 0 when none is given.
fn forwarded_address(element: &str) -> Option<SocketAddr> {
    let address = match element.parse::<IpAddr>() {
        Ok(ip) => SocketAddr::new(ip, 0),
        Err(_) => element.parse::<SocketAddr>().ok()?,
    };
    Some(SocketAddr::new(address.ip().to_canonical(), address.port()))
}

impl fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, range) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str(",")?;
            }
            write!(f, "{range}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    const PROXIES: &str = "127.0.0.1, 10.0.0.0/8, ::1, 2001:db8:ffff::/48";

    fn proxies() -> TrustedProxies {
        TrustedProxies::parse(PROXIES).expect("proxies parse")
    }

    fn peer(address: &str) -> SocketAddr {
        SocketAddr::new(address.parse().expect("peer address"), 50_000)
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(X_FORWARDED_FOR, HeaderValue::from_str(value).expect("header value"));
        }
        headers
    }

    fn client_ip(proxies: &TrustedProxies, from: &str, values: &[&str]) -> String {
        proxies.client(peer(from), &forwarded(values)).ip().to_string()
    }

    #[test]
    fn addresses_and_ranges_of_both_families_parse_and_print_as_ranges() {
        assert_eq!(proxies().to_string(), "127.0.0.1/32,10.0.0.0/8,::1/128,2001:db8:ffff::/48");
        assert_eq!(
            TrustedProxies::parse("10.1.2.3/8,").expect("parses").to_string(),
            "10.0.0.0/8",
            "host bits dropped"
        );
        assert!(TrustedProxies::parse("").expect("empty parses").is_empty());
        assert!(TrustedProxies::parse(" , ").expect("blank parses").is_empty());
    }

    #[test]
    fn a_malformed_entry_is_refused_by_name() {
        let cases = [
            ("10.0.0.0/33", "prefix too long"),
            ("10.0.0", "three octets"),
            ("localhost", "a host name"),
            ("::1/129", "IPv6 prefix too long"),
            ("10.0.0.1:80", "an address with a port"),
            ("*", "a wildcard"),
        ];
        for (entry, why) in cases {
            let error = TrustedProxies::parse(&format!("127.0.0.1,{entry}")).expect_err(why);
            assert!(error.contains(&format!("'{entry}'")), "{why}: {error}");
        }
    }

    #[test]
    fn from_a_trusted_peer_the_right_most_untrusted_address_is_the_client() {
        let proxies = proxies();
        let cases: [(&str, &[&str], &str, &str); 12] = [
            ("127.0.0.1", &["203.0.113.1"], "203.0.113.1", "one address"),
            ("127.0.0.1", &["198.51.100.7, 203.0.113.1"], "203.0.113.1", "the right-most, not what the client wrote"),
            ("127.0.0.1", &["203.0.113.1, 10.0.0.5"], "203.0.113.1", "a trusted hop is skipped"),
            ("10.9.9.9", &["203.0.113.1 ,10.0.0.5,  10.1.1.1"], "203.0.113.1", "spaces anywhere"),
            (
                "127.0.0.1",
                &["198.51.100.7", "203.0.113.1, 10.0.0.5"],
                "203.0.113.1",
                "several headers: the last is right-most",
            ),
            ("127.0.0.1", &["203.0.113.1", "10.0.0.5"], "203.0.113.1", "the walk crosses headers"),
            ("127.0.0.1", &["10.0.0.7, 10.0.0.5"], "10.0.0.7", "all trusted: the left-most"),
            ("127.0.0.1", &["203.0.113.9, garbage, 10.0.0.5"], "10.0.0.5", "an unparsable element ends the walk"),
            ("127.0.0.1", &["203.0.113.9, unknown"], "127.0.0.1", "nothing good: the peer"),
            ("127.0.0.1", &[""], "127.0.0.1", "an empty header: the peer"),
            ("::1", &["2001:db8::1, 2001:db8:ffff::2"], "2001:db8::1", "IPv6"),
            ("::ffff:127.0.0.1", &["::ffff:203.0.113.1"], "203.0.113.1", "IPv4-mapped peer and element"),
        ];
        for (from, values, expected, why) in cases {
            assert_eq!(client_ip(&proxies, from, values), expected, "{why}");
        }
    }

    #[test]
    fn a_port_in_an_element_is_kept() {
        let client = proxies().client(peer("127.0.0.1"), &forwarded(&["[2001:db8::1]:4711"]));
        assert_eq!(client, "[2001:db8::1]:4711".parse::<SocketAddr>().expect("address"));
        let client = proxies().client(peer("127.0.0.1"), &forwarded(&["203.0.113.1:4711"]));
        assert_eq!(client, "203.0.113.1:4711".parse::<SocketAddr>().expect("address"));
    }

    #[test]
    fn an_untrusted_peer_or_no_header_leaves_the_peer() {
        let cases: [(&TrustedProxies, &str, &[&str], &str); 4] = [
            (&proxies(), "198.51.100.7", &["203.0.113.1"], "an untrusted peer cannot choose its address"),
            (&proxies(), "11.0.0.1", &["203.0.113.1"], "just outside a trusted range"),
            (&TrustedProxies::default(), "127.0.0.1", &["203.0.113.1"], "by default nobody is trusted"),
            (&proxies(), "127.0.0.1", &[], "a trusted peer without the header"),
        ];
        for (proxies, from, values, why) in cases {
            assert_eq!(proxies.client(peer(from), &forwarded(values)), peer(from), "{why}");
        }
    }

    #[test]
    fn a_header_that_is_not_text_ends_the_walk() {
        let mut headers = forwarded(&["203.0.113.1"]);
        headers.append(X_FORWARDED_FOR, HeaderValue::from_bytes(b"\xff203.0.113.2").expect("opaque value"));
        assert_eq!(proxies().client(peer("127.0.0.1"), &headers), peer("127.0.0.1"));
    }
}
