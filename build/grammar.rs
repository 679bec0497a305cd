//! The shape of names: what a code, a variant and a category name may
//! be, and the variant names Rust or `ErrorCode` itself reserve.

/// Whether an `ErrorCode` variant cannot take `name`: a Rust keyword or
/// one of the enum's own associated items.
pub fn is_reserved_variant(name: &str) -> bool {
    ERROR_CODE_ITEMS.contains(&name) || KEYWORDS.contains(&name)
}

/// The inherent associated items of `ErrorCode` (in `src/` and the
/// generated code), which a variant of the same name would clash with. A
/// test (`tests/validation.rs`) reads them from the source and fails when
/// this list misses one or names one that is gone.
pub const ERROR_CODE_ITEMS: &[&str] = &[
    "ALL",
    "as_str",
    "category",
    "description",
    "entry",
    "from_code",
    "is_common",
    "is_retired",
    "is_reviewed",
    "parent",
    "products",
    "reason",
    "resolve",
    "retry",
];

/// Rust's keywords, of every edition, strict and reserved.
pub const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// `^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*\.?$`: dotted
/// identifiers, the last of which may be empty (Tencent Cloud returns
/// `InternalError.`).
pub(super) fn is_code(code: &str) -> bool {
    let body = code.strip_suffix('.').unwrap_or(code);
    body.split('.').all(is_identifier)
}

/// `^[A-Za-z][A-Za-z0-9_]*$`
pub(super) fn is_identifier(segment: &str) -> bool {
    let mut chars = segment.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `^[a-z][a-z0-9_]*$`
pub(super) fn is_category_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `rate_limit` → `RateLimit`.
pub(super) fn upper_camel(name: &str) -> String {
    name.split('_')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}
