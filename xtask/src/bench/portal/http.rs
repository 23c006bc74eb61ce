//! Raw HTTP/1.1 requests, built once for wrk to replay, and a one-request client for the
//! checks before a run (xtask has no HTTP client, and needs none for this).

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::Result;

/// A request's exact bytes: `GET` without a body, anything else with a JSON body.
pub fn request(method: &str, path: &str, host: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {host}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if method != "GET" {
        head.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    [head.as_bytes(), body].concat()
}

/// A response's status and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

/// Sends one request on a new connection and reads the response.
pub fn exchange(address: SocketAddr, request: &[u8]) -> Result<Response> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.write_all(request)?;
    let mut received = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        if let Some(response) = parse_response(&received)? {
            return Ok(response);
        }
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return Err(format!(
                "the connection closed before a whole response: {:?}",
                String::from_utf8_lossy(&received)
            )
            .into());
        }
        received.extend_from_slice(&buffer[..read]);
    }
}

/// The response in `bytes`, or `None` while it is incomplete. Bodies need a Content-Length.
fn parse_response(bytes: &[u8]) -> Result<Option<Response>> {
    let Some(end) = bytes.windows(4).position(|window| window == b"\r\n\r\n") else { return Ok(None) };
    let head = String::from_utf8_lossy(&bytes[..end]);
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("not an HTTP response: {head:?}"))?;
    let length = lines
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .map(|(_, value)| value.trim().parse::<usize>())
        .transpose()?
        .ok_or_else(|| format!("a response without Content-Length: {head:?}"))?;
    let body = &bytes[end + 4..];
    Ok((body.len() >= length).then(|| Response { status, body: String::from_utf8_lossy(&body[..length]).into_owned() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_get_has_no_body_headers() {
        let bytes = request("GET", "/healthz", "127.0.0.1:8080", &[], b"");
        assert_eq!(bytes, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    }

    #[test]
    fn a_post_carries_its_headers_and_a_json_body_with_its_length() {
        let bytes = request("POST", "/api/v1/refresh", "h:1", &[("Tessera-Machine-Signature", "kid=1, sig=2")], b"{}");
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "POST /api/v1/refresh HTTP/1.1\r\nHost: h:1\r\nTessera-Machine-Signature: kid=1, sig=2\r\n\
             Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
        );
    }

    #[test]
    fn a_response_is_complete_once_its_content_length_has_arrived() {
        let whole =
            b"HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{\"a\":\"b c\"}";
        assert_eq!(parse_response(&whole[..20]).unwrap(), None);
        assert_eq!(parse_response(&whole[..whole.len() - 1]).unwrap(), None);
        assert_eq!(parse_response(whole).unwrap(), Some(Response { status: 201, body: "{\"a\":\"b c\"}".into() }));
    }

    #[test]
    fn a_response_without_content_length_is_refused() {
        assert!(parse_response(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n").is_err());
    }
}
