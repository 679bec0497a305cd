//! The advice of every product code: its category and whether a retry can
//! help. This file is the one place the decisions live: the rules, in the
//! order they are tried, and the exceptions, each with its reason. The
//! import writes what they decide into every product catalog, so the
//! catalogs carry an explicit `category` and `retry` for every code.
//!
//! Two sources decide, in this order:
//!
//! 1. **What Tencent says the code means**, as the [`Tags`] the import
//!    derived from the SDKs' descriptions ([`TAG_RULES`]). A description is
//!    a sentence about the failure; a code is a terse label. Where they
//!    disagree, the description wins: `FailedOperation.ResourceInCloning`
//!    says nothing the name rules know, but its description says the
//!    resource is being cloned, so it passes; `InternalError.JudgeUserExistException`
//!    has the word "exist", but its description says the service failed.
//! 2. **What the code says**, when the descriptions state none of the
//!    facts the tag rules read ([`RULES`], then the family in [`ROOTS`]).
//!    The child's words are read first (`UnsupportedOperation.FrequencyLimit`
//!    is a rate limit, `ResourceInUse.CosBucketExists` a name that is
//!    taken), and the parent decides only when the words say nothing the
//!    rules know.
//!
//! Whatever decides, an `InternalError.*` code is never `safe`: the service
//! faulted, so the request may have taken effect.

use crate::Retry;
use crate::tags::{Tag, Tags};
use crate::words::{has, positions, words};

/// What the import writes for a code, and the rule that decided it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Advice {
    pub category: &'static str,
    pub retry: Retry,
    /// The rule or exception that decided: its name.
    pub rule: &'static str,
}

/// A code as the rules see it.
pub struct Code<'a> {
    pub code: &'a str,
    /// The first dotted segment: `OperationDenied` in
    /// `OperationDenied.InstanceOperationInProgress`.
    pub root: &'a str,
    /// Every word of the code, lowercase.
    pub words: Vec<String>,
    /// The words after the root; all the words for a one-segment code.
    pub detail: Vec<String>,
}

impl<'a> Code<'a> {
    pub fn new(code: &'a str) -> Self {
        let (root, rest) = code.split_once('.').unwrap_or((code, ""));
        let detail = if rest.is_empty() {
            words(root)
        } else {
            words(rest)
        };
        Code {
            code,
            root,
            words: words(code),
            detail,
        }
    }

    fn says(&self, sequence: &[&str]) -> bool {
        has(&self.detail, sequence)
    }

    fn says_any(&self, sequences: &[&[&str]]) -> bool {
        sequences.iter().any(|s| self.says(s))
    }

    /// `sequence` occurs in the detail with no `not`, `no` or `non` in the
    /// two words before it.
    fn says_unnegated(&self, sequence: &[&str]) -> bool {
        positions(&self.detail, sequence).any(|i| {
            !self.detail[i.saturating_sub(2)..i]
                .iter()
                .any(|w| matches!(w.as_str(), "not" | "no" | "non" | "un"))
        })
    }

    fn root_is(&self, roots: &[&str]) -> bool {
        roots.contains(&self.root)
    }

    /// A parameter family: the caller sent something wrong.
    fn is_parameter_family(&self) -> bool {
        self.root.starts_with("InvalidParameter")
            || self.root_is(&["MissingParameter", "UnknownParameter"])
    }
}

/// One rule: a name, why it is right, and what it decides for a code it
/// recognises.
pub struct Rule {
    pub name: &'static str,
    pub reason: &'static str,
    pub decide: fn(&Code<'_>) -> Option<(&'static str, Retry)>,
}

/// A hand-made decision for one code, where the rules would be wrong.
pub struct Exception {
    pub code: &'static str,
    pub category: &'static str,
    pub retry: Retry,
    pub reason: &'static str,
}

/// Codes the rules read wrongly, with the reason.
pub const EXCEPTIONS: &[Exception] = &[
    Exception {
        code: "FailedOperation.OperateLater",
        category: "resource",
        retry: Retry::Safe,
        reason: "the service asks for the operation to be sent again later",
    },
    Exception {
        code: "InternalError.CrtDateOverdue",
        category: "request",
        retry: Retry::Never,
        reason: "a certificate's date is past, not an account's payment",
    },
];

/// The rules, tried in this order; the first that recognises a code
/// decides. [`ROOTS`] decides for a code none of them recognises.
pub const RULES: &[Rule] = &[
    Rule {
        name: "billing",
        reason: "the account has no money for this: a balance too low, arrears, an unpaid order, an account isolated for non-payment. A person must pay; retrying cannot help",
        decide: |c| {
            let balance =
                positions(&c.detail, &["balance*"]).any(|i| i == 0 || c.detail[i - 1] != "load");
            let isolated = c.says(&["isolat*"])
                && c.says_any(&[&["account"], &["user"], &["uin"], &["payer"]]);
            let overdue = c.says(&["overdue"]) && !c.says(&["date", "overdue"]);
            (balance
                || isolated
                || overdue
                || c.says_any(&[
                    &["arrear*"],
                    // Misspelt so in the data (`BanlanceNotEnoughError`).
                    &["banlance*"],
                    &["unpaid"],
                    &["owed"],
                    &["money*"],
                    &["insufficient", "funds"],
                    &["not", "enough", "money"],
                ]))
            .then_some(("billing", Retry::Never))
        },
    },
    Rule {
        name: "rate limit",
        reason: "the caller sent too many requests too fast, under whatever parent: the request was refused before it ran, so it is safe to send again after a pause",
        decide: |c| {
            let frequency = ["freq", "frequency", "frequence", "frequent", "frequently"];
            let freq_at = c
                .detail
                .iter()
                .enumerate()
                .filter(|(_, w)| frequency.contains(&w.as_str()))
                .any(|(i, _)| {
                    let before = i.checked_sub(1).map(|j| c.detail[j].as_str());
                    let after = c.detail.get(i + 1).map(String::as_str);
                    // LoRa frequency bands and low-frequency storage are
                    // things, not rates.
                    !matches!(before, Some("lo" | "lora" | "low" | "ra"))
                        && !matches!(after, Some("parms" | "params" | "param" | "topic" | "band"))
                });
            let rate = c.says_any(&[
                &["qps"],
                &["throttl*"],
                &["ratelimit*"],
                &["rate", "limit*"],
            ]);
            let too_fast = c.says_any(&[
                &["too", "many", "requests"],
                &["too", "quickly"],
                &["too", "fast"],
                &["too", "often"],
                &["too", "frequent*"],
                &["frequency", "limit*"],
                &["freq", "limit*"],
                &["freq", "over", "limit"],
            ]);
            // Under a parameter family a frequency, a QPS or a rate limit is
            // a setting the request sends (a bandwidth or capture frequency
            // out of range), not a rate the caller hit.
            let rate = too_fast || ((freq_at || rate) && !c.is_parameter_family());
            (rate && !c.says(&["not", "support*"])).then_some(("throttling", Retry::Safe))
        },
    },
    Rule {
        name: "not found",
        reason: "what the request names does not exist: sending it again finds nothing again",
        decide: |c| {
            c.says_any(&[
                &["not", "found"],
                &["notfound"],
                &["not", "exist*"],
                &["notexist*"],
                &["nonexist*"],
                &["non", "exist*"],
                &["no", "exist*"],
                &["no", "such"],
                &["nosuch*"],
                &["not", "find"],
                &["cannot", "find"],
                &["can", "not", "find"],
            ])
            .then_some((
                if c.root == "AuthFailure" {
                    "auth"
                } else {
                    "resource"
                },
                Retry::Never,
            ))
        },
    },
    Rule {
        name: "busy",
        reason: "the resource is busy with another operation (in progress, a task running, a lock or mutex held): nothing was changed, and the same request succeeds once it settles, so it is safe to send again after a pause",
        decide: |c| {
            // A lock held by a concurrent operation passes; a thing that is
            // locked (an account, a domain, a configuration) waits for a
            // person to unlock it, and is no wait at all.
            let lock = c.says_any(&[
                &["lock*", "conflict*"],
                &["locker*"],
                &["locking"],
                &["lock", "fail*"],
                &["get", "lock*"],
                &["acquire", "lock*"],
                &["lock", "held"],
                &["lock", "busy"],
            ]) && !c.says_any(&[&["unlock*"], &["locked"]]);
            let running = c.says_any(&[
                &["task", "running"],
                &["already", "running"],
                &["is", "running"],
                &["still", "running"],
                &["exist*", "running"],
                &["has", "running"],
                &["have", "running"],
                &["another", "operation"],
                &["another", "process"],
                &["other", "operation*"],
                &["running", "other"],
                &["has", "task"],
            ]) && !c.says_any(&[&["not", "running"], &["no", "running"]]);
            let busy = c.says_unnegated(&["busy"])
                || c.says_unnegated(&["in", "progress"])
                || c.says_unnegated(&["inprogress"])
                || c.says_unnegated(&["in", "operation"])
                || c.says_unnegated(&["operating"])
                || c.says_unnegated(&["mutex*"])
                || c.root_is(&["MutexOperation", "ResourceBusy"])
                || c.says(&["try", "later"])
                || c.says(&["retry", "later"])
                || c.says_any(&[
                    &["operation", "conflict"],
                    &["task", "conflict"],
                    &["locker", "conflict"],
                ]);
            let settling = !c.is_parameter_family()
                && c.says_any(&[
                    &["processing"],
                    &["creating"],
                    &["updating"],
                    &["upgrading"],
                    &["modifying"],
                    &["changing"],
                    &["restarting"],
                    &["rebooting"],
                    &["starting"],
                    &["stopping"],
                    &["migrating"],
                    &["deploying"],
                    &["initializing"],
                    &["rollbacking"],
                    &["resizing"],
                    &["attaching"],
                    &["detaching"],
                    &["expanding"],
                    &["copying"],
                    &["syncing"],
                    &["installing"],
                    &["not", "ready"],
                ])
                && !c.says_any(&[&["failed"], &["fail"], &["error"], &["not", "processing"]]);
            (busy || running || lock || settling).then_some(("resource", Retry::Safe))
        },
    },
    Rule {
        name: "already exists",
        reason: "a name or resource the request would create already exists (a duplicate, a name taken), even under ResourceInUse: sending it again meets the same one, so never retry; the category is the parent's",
        decide: |c| {
            let exists = c.says_unnegated(&["exist*"]);
            (exists
                || c.says_any(&[
                    &["already"],
                    &["duplicate*"],
                    &["dup"],
                    &["repeat*"],
                    &["taken"],
                    &["name", "used"],
                    &["name", "in", "use"],
                ]))
            .then(|| (root_advice(c).0, Retry::Never))
        },
    },
    Rule {
        name: "permission",
        reason: "the caller is not allowed to do this (unauthorized, no permission, CAM denied): a person must grant it",
        decide: |c| {
            (c.root_is(&[
                "UnauthorizedOperation",
                "Authority",
                "Cam",
                "InvalidPermission",
            ]) || c.says_any(&[
                &["unauthorized"],
                &["un", "authorized"],
                &["no", "permission*"],
                &["not", "authorized"],
                &["no", "auth*"],
                &["noauth*"],
                &["permission", "denied"],
                &["no", "access", "permission*"],
                &["access", "denied"],
                &["forbidden"],
                &["cam"],
            ]))
            .then_some(("permission", Retry::Never))
        },
    },
    Rule {
        name: "quota",
        reason: "a quota or a limit on a count is reached (not a rate): the same request is refused until a person frees some or raises the quota",
        decide: |c| {
            let count = c.says_any(&[
                &["quota*"],
                &["too", "many"],
                &["toomany"],
                &["over", "limit"],
                &["overlimit"],
                &["out", "of", "limit"],
                &["count", "limit*"],
                &["number", "limit*"],
                &["num", "limit*"],
                &["max", "num*"],
                &["num", "exceed*"],
                &["number", "exceed*"],
                &["count", "exceed*"],
                &["reach", "limit*"],
                &["reached", "limit*"],
                &["out", "limit*"],
                &["exceed*", "limit*"],
                &["upper", "limit*"],
            ]);
            // A limit on how many: `LimitRealServerNum`, `RuleCountLimit`.
            let how_many = c.says(&["limit*"]) && c.says_any(&[&["num"], &["count"], &["number"]]);
            let count = count || how_many;
            let family = c.root.contains("QuotaLimitExceeded")
                || c.root.ends_with("LimitExceeded") && c.root != "RequestLimitExceeded"
                || c.root_is(&["OverQuota", "LimitExceeded"])
                || c.root.starts_with("Insufficient") && c.root.ends_with("Quota");
            let parameter = c.is_parameter_family() && !c.says(&["quota*"]);
            ((count && !parameter) || family).then_some(("quota", Retry::Never))
        },
    },
    Rule {
        name: "malformed",
        reason: "the request is malformed or names an invalid ID, value or parameter: fix the caller; the same request fails the same way",
        decide: |c| {
            let auth = c.root == "AuthFailure";
            (!auth
                && (c.is_parameter_family()
                    || (c.root.starts_with("Invalid") && c.root != "InvalidAccount")
                    || c.root.starts_with("Missing")
                    || c.says_any(&[
                        &["invalid"],
                        &["malformed"],
                        &["illegal"],
                        &["wrong", "format"],
                        &["format", "error"],
                        &["format", "invalid"],
                        &["mismatch*"],
                        &["not", "match*"],
                    ])))
            .then_some(("request", Retry::Never))
        },
    },
    Rule {
        name: "server fault",
        reason: "the name reports a fault on the service's side (an internal, system, server, database, network or backend error): the request may or may not have taken effect, so retry only what is safe to repeat; a service that says it is unavailable or overloaded did not run the request, so that is safe after a pause",
        decide: |c| {
            let unavailable = c.says_any(&[
                &["service", "unavailable"],
                &["server", "overload*"],
                &["service", "overload*"],
                &["system", "busy"],
            ]);
            let unknown = matches!(
                c.detail.iter().map(String::as_str).collect::<Vec<_>>()[..],
                ["unknown"] | ["un", "known"] | ["unknown", "error"] | [_, "unknown", "error"]
            );
            let fault = unknown
                || c.root_is(&[
                    "InternalServerError",
                    "SystemError",
                    "UnknownError",
                    "DBError",
                    "CdbError",
                ])
                || c.says_any(&[
                    &["internal", "error"],
                    &["internal", "server", "error"],
                    &["internal", "service"],
                    &["internal"],
                    &["server", "error"],
                    &["system", "error"],
                    &["sys", "err"],
                    &["backend", "error"],
                    &["backend", "interface"],
                    &["network", "error"],
                    &["net", "work", "error"],
                    &["db", "error"],
                    &["db", "exception"],
                    &["db", "operation*"],
                    &["db", "client"],
                    &["db", "query*"],
                    &["db", "record"],
                    &["db", "transaction"],
                    &["database", "error"],
                    &["database", "exception"],
                    &["database", "connect*"],
                    &["database", "access*"],
                    &["dependency", "unavailable"],
                    &["server", "fail*"],
                ]);
            if unavailable {
                Some(("server", Retry::Safe))
            } else {
                fault.then_some(("server", Retry::IfIdempotent))
            }
        },
    },
    Rule {
        name: "timeout",
        reason: "the service timed out: the request may or may not have taken effect, so retry only what is safe to repeat",
        decide: |c| {
            c.says_any(&[&["timeout*"], &["timed", "out"], &["time", "out"]])
                .then_some(("server", Retry::IfIdempotent))
        },
    },
];

/// What a code's root says when no rule recognises its words: the families
/// Tencent Cloud uses, then the fallback.
pub const ROOTS: &[(&str, &str, Retry, &str)] = &[
    // (root, category, retry, reason)
    (
        "AuthFailure",
        "auth",
        Retry::Never,
        "credentials or signature rejected: fix them, then sign again",
    ),
    (
        "Credential",
        "operation",
        Retry::Never,
        "a product's own credential operation failed",
    ),
    (
        "DryRunOperation",
        "operation",
        Retry::Never,
        "a dry run: the request would have succeeded",
    ),
    (
        "FailedOperation",
        "operation",
        Retry::Never,
        "the operation failed for a reason the name gives: the same request fails the same way",
    ),
    (
        "InternalError",
        "server",
        Retry::IfIdempotent,
        "a fault on the service's side: the request may or may not have taken effect",
    ),
    (
        "InvalidParameter",
        "request",
        Retry::Never,
        "a parameter is wrong: fix the caller",
    ),
    (
        "InvalidParameterValue",
        "request",
        Retry::Never,
        "a parameter's value is wrong: fix the caller",
    ),
    (
        "LimitExceeded",
        "quota",
        Retry::Never,
        "a limit on a count is reached",
    ),
    (
        "MissingParameter",
        "request",
        Retry::Never,
        "a parameter is missing: fix the caller",
    ),
    (
        "OperationDenied",
        "permission",
        Retry::Never,
        "the service refuses this operation for this caller or in this state: a person must change a setting, a state or a permission",
    ),
    (
        "RequestLimitExceeded",
        "throttling",
        Retry::Safe,
        "a rate limit: refused before it ran",
    ),
    (
        "ResourceInUse",
        "resource",
        Retry::Never,
        "the resource is held by something else (attached, bound, referenced), which does not let go by itself; the busy codes are caught by the busy rule",
    ),
    (
        "ResourceInsufficient",
        "resource",
        Retry::Never,
        "not enough of a resource: waiting does not make more",
    ),
    (
        "ResourceNotFound",
        "resource",
        Retry::Never,
        "the resource does not exist",
    ),
    (
        "ResourceUnavailable",
        "resource",
        Retry::Never,
        "a named state (stopped, expired, isolated, unsupported) that does not clear by itself; the transient ones are caught by the busy rule",
    ),
    (
        "ResourcesSoldOut",
        "resource",
        Retry::Never,
        "sold out in this zone or configuration: choose another",
    ),
    (
        "UnauthorizedOperation",
        "permission",
        Retry::Never,
        "not allowed: a person must grant the permission",
    ),
    (
        "UnknownParameter",
        "request",
        Retry::Never,
        "a parameter the action does not know: fix the caller",
    ),
    (
        "UnsupportedOperation",
        "request",
        Retry::Never,
        "the operation is not supported as asked",
    ),
];

/// The fallback for a root no rule or family knows.
const FALLBACK: (&str, Retry, &str) = (
    "operation",
    Retry::Never,
    "an API-specific failure whose name the rules do not classify: the same request fails the same way, so a person should look",
);

/// The category and retry its root gives a code, and why.
pub fn root_advice(c: &Code<'_>) -> (&'static str, Retry, &'static str) {
    ROOTS
        .iter()
        .find(|(root, ..)| *root == c.root)
        .map_or(FALLBACK, |&(_, category, retry, reason)| {
            (category, retry, reason)
        })
}

/// A rule over the descriptions' tags: a name, why it is right, and what
/// it decides for a code whose tags (and words) it recognises.
pub struct TagRule {
    pub name: &'static str,
    pub reason: &'static str,
    pub decide: fn(Tags, &Code<'_>) -> Option<(&'static str, Retry)>,
}

/// The tag rules, tried in this order before the name rules; the first
/// that recognises a code decides. The order is the one precedence table
/// of the descriptions' facts. A passing fact ranks above a lasting one
/// only because the tags keep both just when one clause states both
/// ([`crate::tags`]): a lasting fact stated on its own has already
/// removed the passing ones.
pub const TAG_RULES: &[TagRule] = &[
    TagRule {
        name: "description: billing",
        reason: "the description says the balance is too low or the account is in arrears: a person must pay, whatever else it says",
        decide: |t, _| t.has(Tag::Billing).then_some(("billing", Retry::Never)),
    },
    TagRule {
        name: "description: rate limit",
        reason: "the description says requests came too fast: refused before they ran, so safe after a pause",
        decide: |t, _| t.has(Tag::RateLimit).then_some(("throttling", Retry::Safe)),
    },
    TagRule {
        name: "description: temporary",
        reason: "the description names a cause that passes by itself (busy, in progress, being created, not ready, a task running, a lock held): the request did not run, so it is safe after a pause. Beside a fault on the service's side, or under InternalError, the outcome is unknown: retried only when idempotent",
        decide: |t, c| {
            if !t.has(Tag::Temporary) {
                return None;
            }
            if t.has(Tag::Fault) || c.root == "InternalError" {
                return Some(("server", Retry::IfIdempotent));
            }
            Some(("resource", Retry::Safe))
        },
    },
    TagRule {
        name: "description: try again later",
        reason: "the description only says to try again later. After a named failure or a fault (\"creation failed, try again later\") the outcome is unknown: retried only when idempotent. With nothing failed, the service refused before it ran: safe after a pause",
        decide: |t, c| {
            if !t.has(Tag::RetryLater) {
                return None;
            }
            let failed = t.has_any(&[Tag::Failed, Tag::Fault])
                || c.says_any(&[&["fail*"], &["error"], &["exception"], &["err"]])
                || c.root == "InternalError";
            if failed {
                let category = match t.has(Tag::Fault) || c.root == "InternalError" {
                    true => "server",
                    false => name_advice(c).0,
                };
                return Some((category, Retry::IfIdempotent));
            }
            Some(("resource", Retry::Safe))
        },
    },
    TagRule {
        name: "description: not found",
        reason: "the description says the target does not exist: the same request finds nothing again",
        decide: |t, c| {
            t.has(Tag::NotFound).then_some((
                if c.root == "AuthFailure" {
                    "auth"
                } else {
                    "resource"
                },
                Retry::Never,
            ))
        },
    },
    TagRule {
        name: "description: exists",
        reason: "the description says what the request would create already exists: a retry meets it again",
        decide: |t, c| t.has(Tag::Exists).then(|| (root_advice(c).0, Retry::Never)),
    },
    TagRule {
        name: "description: no permission",
        reason: "the description says the caller lacks permission: a person must grant it",
        decide: |t, _| {
            t.has(Tag::NoPermission)
                .then_some(("permission", Retry::Never))
        },
    },
    TagRule {
        name: "description: count limit",
        reason: "the description says a quota, a limit on a count or a daily limit is reached: refused until a person frees some or raises it, or the day turns. Under a parameter family the count is the request's own (too many items in one call): the caller fixes it",
        decide: |t, c| {
            t.has(Tag::CountLimit).then_some((
                if c.is_parameter_family() {
                    "request"
                } else {
                    "quota"
                },
                Retry::Never,
            ))
        },
    },
    TagRule {
        name: "description: lasting state",
        reason: "the description names a state that does not pass by itself (locked, frozen, banned, isolated, expired, stopped, not activated, awaiting approval): a person or another call must change it",
        decide: |t, c| {
            t.has(Tag::LastingState)
                .then(|| (lasting_category(c, "resource"), Retry::Never))
        },
    },
    TagRule {
        name: "description: unsupported",
        reason: "the description says the operation is not supported: no retry changes that",
        decide: |t, c| {
            t.has(Tag::Unsupported)
                .then(|| (lasting_category(c, "request"), Retry::Never))
        },
    },
    TagRule {
        name: "description: fault",
        reason: "the description says the service failed (internal, system, network, backend, timeout): the request may or may not have taken effect, so retry only what is safe to repeat. It outranks the caller-must-fix tag, which Tencent attaches to many internal errors as boilerplate",
        decide: |t, _| t.has(Tag::Fault).then_some(("server", Retry::IfIdempotent)),
    },
    TagRule {
        name: "description: fix the request",
        reason: "the description says the request is wrong (invalid, malformed, check and try again): the same request fails the same way. The name may say more precisely which category",
        decide: |t, c| {
            t.has(Tag::FixRequest)
                .then(|| (lasting_category(c, "request"), Retry::Never))
        },
    },
];

/// What a code's root changes in the advice, whatever the tags say: one
/// table, each row with its reason.
pub struct RootOverride {
    pub root: &'static str,
    /// Tags the descriptions state that do not count under this root.
    pub ignores: &'static [Tag],
    /// Name rules that do not apply under this root.
    pub skips: &'static [&'static str],
    /// A `safe` guess becomes `if-idempotent`.
    pub never_safe: bool,
    pub reason: &'static str,
}

/// The per-root overrides.
pub const ROOT_OVERRIDES: &[RootOverride] = &[
    RootOverride {
        root: "AuthFailure",
        ignores: &[Tag::Temporary, Tag::RetryLater, Tag::RateLimit, Tag::Fault],
        skips: &[],
        never_safe: false,
        reason: "the credentials or the signature must change: \"try again\" or \"timed out\" there speaks of a token or signature that expired, which the same request does not renew",
    },
    RootOverride {
        root: "InternalError",
        ignores: &[],
        skips: &["already exists"],
        never_safe: true,
        reason: "the service faulted, so the request may have taken effect: never safe. Its words name what the service was checking when it failed (`InternalError.JudgeUserExistException`), not a name that is taken",
    },
];

fn root_override(c: &Code<'_>) -> Option<&'static RootOverride> {
    ROOT_OVERRIDES.iter().find(|o| o.root == c.root)
}

/// The advice for `code` whose descriptions state `tags`: its exception,
/// else the first tag rule, else the name rules. An `InternalError.*` code
/// is never `safe`: the service faulted, so the request may have taken
/// effect.
pub fn advise(code: &str, tags: Tags) -> Advice {
    match EXCEPTIONS.iter().find(|e| e.code == code) {
        Some(e) => Advice {
            category: e.category,
            retry: e.retry,
            rule: "exception",
        },
        None => advise_by_rules(code, tags),
    }
}

/// What the rules alone say of `code`: the first tag rule that recognises
/// it, else the first name rule, else its root.
pub fn advise_by_rules(code: &str, tags: Tags) -> Advice {
    let c = Code::new(code);
    let overrides = root_override(&c);
    let tags = overrides.map_or(tags, |o| tags.without(o.ignores));
    let (category, retry, rule) = TAG_RULES
        .iter()
        .find_map(|rule| {
            (rule.decide)(tags, &c).map(|(category, retry)| (category, retry, rule.name))
        })
        .unwrap_or_else(|| name_advice(&c));
    let retry = match (overrides.is_some_and(|o| o.never_safe), retry) {
        (true, Retry::Safe) => Retry::IfIdempotent,
        _ => retry,
    };
    // A guess never calls a lasting family safe: only a review may, with
    // its reason.
    let (category, retry, rule) = match (retry, lasting_family(&c)) {
        (Retry::Safe, Some(family)) => (
            match category {
                "throttling" | "resource" => root_advice(&c).0,
                other => other,
            },
            Retry::Never,
            family,
        ),
        _ => (category, retry, rule),
    };
    // Throttling passes, a quota or a debt does not: the classes agree.
    let category = match (category, retry) {
        ("throttling", Retry::IfIdempotent) => "server",
        ("throttling", Retry::Never) => "quota",
        ("quota" | "billing", Retry::Safe) => "throttling",
        ("quota" | "billing", Retry::IfIdempotent) => "server",
        _ => category,
    };
    Advice {
        category,
        retry,
        rule,
    }
}

/// The family of lasting facts a code's name puts it in, if any: a
/// parameter, a permission, a thing not found, a thing that exists, a
/// count. The rules never guess `safe` for these (CONTRIBUTING.md's invariants;
/// `tests/advice_invariants.rs` checks the shipped catalog).
pub fn lasting_family(c: &Code<'_>) -> Option<&'static str> {
    let detail = c
        .code
        .split_once('.')
        .map_or("", |(_, d)| d)
        .to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| detail.contains(w));
    if c.is_parameter_family() {
        Some("family: parameter")
    } else if c.root == "UnauthorizedOperation" || has(&["nopermission", "unauthorized"]) {
        Some("family: permission")
    } else if c.root == "ResourceNotFound" || has(&["notfound", "notexist"]) {
        Some("family: not found")
    } else if detail.ends_with("exist")
        || detail.ends_with("exists")
        || has(&["alreadyexist", "duplicate"])
    {
        Some("family: exists")
    } else if c.root == "LimitExceeded" || c.root.ends_with("QuotaLimitExceeded") || has(&["quota"])
    {
        Some("family: count")
    } else {
        None
    }
}

/// The category of a failure the description says will not pass: the
/// name's, when the name rules agree that it will not; else `otherwise`.
fn lasting_category(c: &Code<'_>, otherwise: &'static str) -> &'static str {
    match name_advice(c) {
        (category, Retry::Never, _) => category,
        _ => otherwise,
    }
}

/// What the code's words alone say: the first name rule that recognises
/// them, else the root's family. Under `InternalError` the "already
/// exists" rule does not apply: there the words name what the service was
/// checking when it failed (`InternalError.JudgeUserExistException`), not
/// a name that is taken.
fn name_advice(c: &Code<'_>) -> (&'static str, Retry, &'static str) {
    let skips = root_override(c).map_or(&[][..], |o| o.skips);
    RULES
        .iter()
        .filter(|rule| !skips.contains(&rule.name))
        .find_map(|rule| (rule.decide)(c).map(|(category, retry)| (category, retry, rule.name)))
        .unwrap_or_else(|| {
            let (category, retry, _) = root_advice(c);
            (category, retry, "root")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advice(code: &str) -> (&'static str, Retry) {
        let a = super::advise(code, Tags::default());
        (a.category, a.retry)
    }

    fn advise(code: &str) -> Advice {
        super::advise(code, Tags::default())
    }

    #[test]
    fn the_traps_of_the_issue() {
        // A rate limit under a parent that says "fix the caller".
        assert_eq!(
            advice("UnsupportedOperation.FrequencyLimit"),
            ("throttling", Retry::Safe)
        );
        // A busy resource under a parent that says Retry::Never.
        assert_eq!(
            advice("FailedOperation.ResourceInOperating"),
            ("resource", Retry::Safe)
        );
        // A name that is taken, under a parent that says Retry::Safe.
        assert_eq!(
            advice("ResourceInUse.CosBucketExists"),
            ("resource", Retry::Never)
        );
        // No money, under a parent that says "server fault".
        assert_eq!(
            advice("InternalError.InsufficientBalance"),
            ("billing", Retry::Never)
        );
        // Top-level product codes get advice too.
        assert_eq!(
            advice("OperationDenied.InstanceOperationInProgress"),
            ("resource", Retry::Safe)
        );
        assert_eq!(advice("AuthFailure"), ("auth", Retry::Never));
        assert_eq!(advice("ResourcesSoldOut"), ("resource", Retry::Never));
        assert_eq!(advice("OperationDenied"), ("permission", Retry::Never));
    }

    #[test]
    fn busy_in_progress_running_locked() {
        for code in [
            "FailedOperation.TaskAlreadyRunning",
            "OperationDenied.ReceiverIsOperating",
            "FailedOperation.AnotherOperationIsRunning",
            "InvalidDisk.Busy",
            "ResourceBusy",
            "MutexOperation.TaskRunning",
            "OperationDenied.InstanceLockerConflict",
            "FailedOperation.OperationNotAllowedInInstanceLocking",
            "ResourceUnavailable.LoadBalancerInOperation",
            "ResourceInUse.DiskRollbacking",
            "UnsupportedOperation.InstanceStateStarting",
            "FailedOperation.RequestInProgress",
        ] {
            assert_eq!(advice(code), ("resource", Retry::Safe), "{code}");
        }
        // A negated state is a state, not a wait.
        for code in [
            "FailedOperation.InstanceNotRunning",
            "OperationDenied.ProxyNotRunningError",
            "InvalidParameterValue.NotProcessingTask",
            "InvalidParameter.UnLockCodeInvalid",
            "InvalidParameter.UserAlreadyLocked",
        ] {
            assert_eq!(advise(code).retry, Retry::Never, "{code}");
        }
    }

    #[test]
    fn rate_limits_under_any_parent() {
        for code in [
            "FailedOperation.FrequencyLimit",
            "RequestLimitExceeded.FrequentRequest",
            "FailedOperation.ReadQpsLimit",
            "FailedOperation.ActionOperateTooQuickly",
            "OperationDenied.FreqOverLimit",
            "FailedOperation.RateLimitExceeded",
        ] {
            assert_eq!(advice(code), ("throttling", Retry::Safe), "{code}");
        }
        // Under a lasting family the guess is never safe: only a review
        // may call a parameter or a count family's code a rate limit.
        for code in [
            "InvalidParameter.OperationIsTooFrequent",
            "LimitExceeded.TooManyRequests",
            "ResourceNotFound.TableBusy",
            "UnauthorizedOperation.TaskInProgress",
        ] {
            let a = advise(code);
            assert_eq!(a.retry, Retry::Never, "{code}");
            assert!(a.rule.starts_with("family: "), "{code}: {}", a.rule);
        }
        // Words that contain "rate" or name a frequency band are no rate.
        for code in [
            "FailedOperation.GenerateImageFailed",
            "FailedOperation.OperateUpstream",
            "InvalidParameterValue.LoRaFreqParmsError",
            "UnsupportedOperation.UnsupportedOpenLowFrequency",
            "InvalidParameterValue.SiteFailoverNotSupportHostOriginPullRateLimit",
        ] {
            assert_ne!(advise(code).category, "throttling", "{code}");
        }
    }

    #[test]
    fn already_exists_is_never_retried_whatever_the_parent() {
        assert_eq!(
            advice("ResourceInUse.CosBucketExists"),
            ("resource", Retry::Never)
        );
        assert_eq!(
            advice("InvalidParameter.LoadBalancerNameRepeated"),
            ("request", Retry::Never)
        );
        assert_eq!(
            advice("FailedOperation.DuplicateOrderNotAllowed"),
            ("operation", Retry::Never)
        );
        assert_eq!(
            advice("ResourceUnavailable.NameAlreadyExists").1,
            Retry::Never
        );
    }

    #[test]
    fn billing_is_its_own_category() {
        for code in [
            "FailedOperation.UserArrears",
            "OperationDenied.BalanceInsufficient",
            "UnsupportedOperation.UnpaidOrder",
            "FailedOperation.AccountIsolated",
            "OperationDenied.NotEnoughMoneyError",
            "FailedOperation.BanlanceNotEnoughError",
            "UnsupportedOperation.InsufficientFunds",
            "ResourceUnavailable.InArrears",
        ] {
            assert_eq!(advice(code), ("billing", Retry::Never), "{code}");
        }
        // A load balancer is no balance; a certificate date is no debt.
        assert_ne!(
            advise("ResourceNotFound.LoadBalancerNotFound").category,
            "billing"
        );
        assert_ne!(
            advise("InvalidParameter.CrtDateOverdue").category,
            "billing"
        );
    }

    #[test]
    fn quotas_are_counts_not_rates() {
        for code in [
            "LimitExceeded.InstanceQuota",
            "FailedOperation.TooManyTags",
            "FailedOperation.ImageNumExceeded",
            "FailedOperation.GetlogReachLimit",
            "FailedOperation.AddrExceededLimit",
            "FailedOperation.LimitRealServerNum",
            "AddressQuotaLimitExceeded",
            "LimitExceeded.CidrBlock",
        ] {
            assert_eq!(advice(code), ("quota", Retry::Never), "{code}");
        }
        // A parameter's limit is the caller's mistake, not a quota.
        assert_eq!(
            advice("InvalidParameterValue.LengthExceedLimit"),
            ("request", Retry::Never)
        );
    }

    #[test]
    fn not_found_and_malformed() {
        // A credential that is not found is an authentication failure.
        assert_eq!(advice("AuthFailure.TokenNotFound"), ("auth", Retry::Never));
        assert_eq!(
            advice("InvalidInstanceId.NotFound"),
            ("resource", Retry::Never)
        );
        assert_eq!(
            advice("FailedOperation.InstanceNotExist"),
            ("resource", Retry::Never)
        );
        assert_eq!(
            advice("InvalidInstanceId.Malformed"),
            ("request", Retry::Never)
        );
        assert_eq!(
            advice("InvalidParameterValue.InvalidInstanceId"),
            ("request", Retry::Never)
        );
        assert_eq!(
            advice("FailedOperation.IllegalName"),
            ("request", Retry::Never)
        );
    }

    #[test]
    fn internal_errors_are_never_safe() {
        assert_eq!(
            advice("InternalError.SYS_ERR"),
            ("server", Retry::IfIdempotent)
        );
        assert_eq!(
            advice("InternalError.ServerBusy"),
            ("resource", Retry::IfIdempotent)
        );
        assert_eq!(
            advice("InternalError.FrequencyLimit").1,
            Retry::IfIdempotent
        );
        // Unless the name shows the fault will not pass.
        assert_eq!(
            advice("InternalError.ResourceNotFound"),
            ("resource", Retry::Never)
        );
        assert_eq!(
            advice("InternalError.InvalidParameter"),
            ("request", Retry::Never)
        );
    }

    #[test]
    fn server_faults_are_retried_only_when_safe_to_repeat() {
        for code in [
            "FailedOperation.SystemError",
            "FailedOperation.DBError",
            "FailedOperation.InternalError",
            "FailedOperation.NetworkError",
            "FailedOperation.UnknownError",
            "FailedOperation.Unknown",
            "InternalServerError",
        ] {
            assert_eq!(advice(code), ("server", Retry::IfIdempotent), "{code}");
        }
        assert_eq!(
            advice("FailedOperation.ServiceUnavailable"),
            ("server", Retry::Safe)
        );
        assert_eq!(
            advice("FailedOperation.ServerOverload"),
            ("server", Retry::Safe)
        );
        // A region or zone that is unavailable is no fault of the server.
        assert_eq!(
            advice("FailedOperation.ZoneUnavailable"),
            ("operation", Retry::Never)
        );
        // An unknown value is the caller's.
        assert_eq!(
            advice("FailedOperation.UnknownInstanceType").1,
            Retry::Never
        );
    }

    #[test]
    fn permission_and_roots() {
        assert_eq!(
            advice("UnauthorizedOperation.NoPermission"),
            ("permission", Retry::Never)
        );
        assert_eq!(
            advice("FailedOperation.NoPermission"),
            ("permission", Retry::Never)
        );
        assert_eq!(
            advice("FailedOperation.NoAccessPermission"),
            ("permission", Retry::Never)
        );
        assert_eq!(
            advice("ResourceUnavailable.InstanceStopped"),
            ("resource", Retry::Never)
        );
        assert_eq!(
            advice("FailedOperation.Timeout"),
            ("server", Retry::IfIdempotent)
        );
        assert_eq!(advice("SomeProductError"), ("operation", Retry::Never));
    }

    #[test]
    fn every_exception_changes_what_the_rules_say() {
        for e in EXCEPTIONS {
            let rules = advise_by_rules(e.code, Tags::default());
            let by_rules = (rules.category, rules.retry);
            assert_ne!(
                by_rules,
                (e.category, e.retry),
                "{} needs no exception",
                e.code
            );
        }
    }

    /// Advice for `code` whose description is `text` (our own wording).
    fn described(code: &str, text: &str) -> (&'static str, Retry) {
        let a = super::advise(code, crate::tags::tags(text));
        (a.category, a.retry)
    }

    #[test]
    fn the_traps_of_the_refresh_issue() {
        // A rate limit the name does not show.
        assert_eq!(
            described(
                "FailedOperation.RequestLimitExceeded",
                "Calls arrive too frequently."
            ),
            ("throttling", Retry::Safe)
        );
        // Passing states the name rules do not know.
        assert_eq!(
            described(
                "FailedOperation.ResourceInCloning",
                "The volume is being cloned at the moment."
            ),
            ("resource", Retry::Safe)
        );
        assert_eq!(
            described(
                "FailedOperation.InvalidImageState",
                "That picture is busy, come back in a while."
            ),
            ("resource", Retry::Safe)
        );
        assert_eq!(
            described(
                "ResourceInUse.RetrieveTaskExecuting",
                "A lookup task is still running."
            ),
            ("resource", Retry::Safe)
        );
        // A named failure that passes: retried only when idempotent.
        assert_eq!(
            described(
                "FailedOperation.FileSaveError",
                "Storing the file went wrong; please try again later."
            ),
            ("operation", Retry::IfIdempotent)
        );
        // An internal failure whose name holds "exist".
        assert_eq!(
            described(
                "InternalError.JudgeUserExistException",
                "The backend hit an internal error while looking the user up."
            ),
            ("server", Retry::IfIdempotent)
        );
        assert_eq!(
            described("InternalError.JudgeUserExistException", ""),
            ("server", Retry::IfIdempotent)
        );
    }

    #[test]
    fn check_and_try_again_is_the_callers_mistake() {
        for text in [
            "The widget ID is odd. Please check and try again.",
            "Wrong port: correct it and retry later.",
            "Port looks off; fix it, then try again later.",
            "端口不对，请检查后重试。",
            "名称不合规，请修改后再重试。",
        ] {
            assert_eq!(
                described("FailedOperation.PortProblem", text).1,
                Retry::Never,
                "{text}"
            );
        }
    }

    #[test]
    fn permanent_descriptions_outrank_hopeful_names() {
        // The name says busy; the description says the thing is gone.
        assert_eq!(
            described(
                "OperationDenied.WidgetInProgress",
                "That widget could not be found."
            ),
            ("resource", Retry::Never)
        );
        assert_eq!(
            described(
                "ResourceUnavailable.WidgetCreating",
                "Widgets cannot be made here: not supported."
            ),
            ("request", Retry::Never)
        );
        assert_eq!(
            described(
                "ResourceInUse.WidgetOperating",
                "You have reached the maximum number of widgets."
            ),
            ("quota", Retry::Never)
        );
        assert_eq!(
            described(
                "ResourceInUse.WidgetLocked",
                "A widget with this name already exists."
            ),
            ("resource", Retry::Never)
        );
        assert_eq!(
            described(
                "FailedOperation.WidgetBusy",
                "Your account balance is insufficient."
            ),
            ("billing", Retry::Never)
        );
        assert_eq!(
            described(
                "FailedOperation.WidgetBusy",
                "This account may not touch widgets: no permission."
            ),
            ("permission", Retry::Never)
        );
        // A count in a parameter is the request's own.
        assert_eq!(
            described(
                "InvalidParameterValue.TooManyWidgets",
                "The number of widgets in one call exceeds the limit."
            ),
            ("request", Retry::Never)
        );
    }

    #[test]
    fn a_temporary_description_beats_a_permanent_word() {
        assert_eq!(
            described(
                "UnsupportedOperation.WidgetBusy",
                "The widget is busy and this is not supported now; try again later."
            ),
            ("resource", Retry::Safe)
        );
        assert_eq!(
            described(
                "InternalError.Widget",
                "Widget service is busy, retry later."
            ),
            ("server", Retry::IfIdempotent)
        );
        // Credentials must change whatever the description hopes.
        assert_eq!(
            described(
                "AuthFailure.WidgetToken",
                "Token check failed; try again later."
            ),
            ("auth", Retry::Never)
        );
    }

    #[test]
    fn chinese_descriptions_decide_too() {
        assert_eq!(
            described("FailedOperation.Widget", "部件正在迁移中。"),
            ("resource", Retry::Safe)
        );
        assert_eq!(
            described("FailedOperation.Widget", "系统繁忙，请稍后重试。"),
            ("resource", Retry::Safe)
        );
        assert_eq!(
            described("FailedOperation.Widget", "部件不存在。"),
            ("resource", Retry::Never)
        );
        assert_eq!(
            described("FailedOperation.Widget", "请求过于频繁。"),
            ("throttling", Retry::Safe)
        );
        assert_eq!(
            described("FailedOperation.Widget", "部件暂不支持该操作。"),
            ("operation", Retry::Never)
        );
    }

    #[test]
    fn every_tag_rule_decides_for_its_tag() {
        for rule in TAG_RULES {
            let tag = crate::tags::Tag::ALL
                .into_iter()
                .find(|t| rule.name == format!("description: {}", t.as_str().replace('-', " ")))
                .or(match rule.name {
                    "description: fix the request" => Some(Tag::FixRequest),
                    "description: try again later" => Some(Tag::RetryLater),
                    _ => None,
                });
            let tag = tag.unwrap_or_else(|| panic!("{} names no tag", rule.name));
            let tags: Tags = [tag].into_iter().collect();
            let a = super::advise("FailedOperation.Widget", tags);
            assert_eq!(a.rule, rule.name, "{tag:?}");
        }
    }
}
