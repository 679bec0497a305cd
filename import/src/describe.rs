//! Descriptions written from a code's own words, in the terse style of the
//! seed table: `OperationDenied.InstanceOperationInProgress` becomes
//! "Operation denied: instance operation in progress." No sentence is
//! taken from anywhere else; a generated one that reads badly is replaced
//! by a hand-written one in `data/names.toml`.

use crate::words::segment_words;

/// How the common roots read.
const ROOTS: &[(&str, &str)] = &[
    ("AuthFailure", "Authentication failed"),
    ("DryRunOperation", "Dry run"),
    ("FailedOperation", "Operation failed"),
    ("InternalError", "Internal error"),
    ("InvalidParameter", "Invalid parameter"),
    ("InvalidParameterValue", "Invalid parameter value"),
    ("LimitExceeded", "Limit exceeded"),
    ("MissingParameter", "Missing parameter"),
    ("OperationDenied", "Operation denied"),
    ("RequestLimitExceeded", "Request rate limit exceeded"),
    ("ResourceInUse", "Resource in use"),
    ("ResourceInsufficient", "Insufficient resource"),
    ("ResourceNotFound", "Resource not found"),
    ("ResourceUnavailable", "Resource unavailable"),
    ("ResourcesSoldOut", "Resources sold out"),
    ("UnauthorizedOperation", "Unauthorized operation"),
    ("UnknownParameter", "Unknown parameter"),
    ("UnsupportedOperation", "Unsupported operation"),
];

/// Words written in capitals, as people write them.
const ACRONYMS: &[&str] = &[
    "acl", "ai", "ak", "api", "app", "cam", "cbs", "ccn", "cdb", "cdn", "cfs", "cidr", "clb",
    "cls", "cos", "cpu", "crt", "csr", "cvm", "db", "ddos", "dns", "eip", "eni", "gpu", "http",
    "https", "id", "ids", "ip", "ipv", "json", "kms", "mfa", "nat", "ocr", "os", "qps", "sdk",
    "sms", "sql", "ssh", "ssl", "tcp", "tke", "tls", "ttl", "udp", "uin", "url", "vip", "vpc",
    "vpn", "waf", "xml",
];

/// One segment's words as a phrase: lowercase, but acronyms in capitals
/// and words written in capitals kept so.
fn phrase(segment: &str) -> String {
    segment_words(segment)
        .into_iter()
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            if word.len() > 1 && word.chars().all(|c| !c.is_ascii_lowercase()) {
                word.to_owned()
            } else if ACRONYMS.contains(&lower.as_str()) {
                match lower.as_str() {
                    "ids" => "IDs".to_owned(),
                    "ipv" => "IPv".to_owned(),
                    _ => lower.to_ascii_uppercase(),
                }
            } else {
                lower
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace("IPv ", "IPv")
}

/// The description the import writes for `code` when no hand-written one
/// replaces it.
pub fn describe(code: &str) -> String {
    let segments: Vec<&str> = code.split('.').filter(|s| !s.is_empty()).collect();
    let root = ROOTS
        .iter()
        .find(|(root, _)| *root == segments[0])
        .map_or_else(|| phrase(segments[0]), |(_, text)| (*text).to_owned());
    let rest: Vec<String> = segments[1..].iter().map(|s| phrase(s)).collect();
    let mut text = if rest.is_empty() {
        root
    } else {
        format!("{root}: {}", rest.join(": "))
    };
    if let Some(first) = text.get(..1) {
        text = first.to_ascii_uppercase() + &text[1..];
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn descriptions_read_like_the_seed_table() {
        assert_eq!(
            describe("OperationDenied.InstanceOperationInProgress"),
            "Operation denied: instance operation in progress."
        );
        assert_eq!(
            describe("InvalidParameterValue.InvalidVpcId"),
            "Invalid parameter value: invalid VPC ID."
        );
        assert_eq!(
            describe("InternalError.SYS_ERR"),
            "Internal error: SYS ERR."
        );
        assert_eq!(describe("ResourcesSoldOut"), "Resources sold out.");
        assert_eq!(
            describe("InvalidSecurityGroupID.NotFound"),
            "Invalid security group ID: not found."
        );
        assert_eq!(
            describe("FailedOperation.SSLCertExpired"),
            "Operation failed: SSL cert expired."
        );
        assert_eq!(
            describe("AddressQuotaLimitExceeded"),
            "Address quota limit exceeded."
        );
    }
}
