//! The perfect-hash map from code string to index, and the fingerprint of
//! each of its slots (see `src/fingerprint.rs`).
//!
//! `phf_codegen` writes the map and keeps its hash state private, but the
//! fingerprints need two facts of that state: the hash key, and which code
//! stands in each slot. Its printed output is the only place they show, and
//! its shape is no promise: a patch release may print it otherwise. So the
//! state is read tolerantly and then proven, and nothing here can panic:
//!
//! 1. **Read from the map it wrote** ([`read_state`]): the key, the
//!    displacements and each slot's code, whatever the spacing. The state
//!    is used only if it is the map's own: hashed with that key and those
//!    displacements, every code lands in the slot that holds it.
//! 2. **Else from `phf_generator`**, which `phf_codegen` calls with the same
//!    codes and a fixed seed, so it finds the same state; used only if the
//!    map literal holds its key. The build warns.
//! 3. **Else no fingerprints**: the lookup compares the slot's string
//!    instead, as `phf::Map::get` does: slower on a miss, never wrong. The
//!    build warns.

use super::{Catalog, make_table};

#[path = "../src/fingerprint.rs"]
mod fingerprint;

/// What the fingerprints need of the map's hash state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapState {
    pub key: u64,
    /// The index (into the catalog's entries) of the code in each slot.
    pub slots: Vec<usize>,
    /// The fingerprint of the code in each slot, from the hashes the state
    /// was proven or found with: each code is hashed once.
    pub fingerprints: Vec<u8>,
}

/// `BY_CODE`, `FINGERPRINTED` and `FINGERPRINTS`, and a warning when
/// `phf_codegen`'s output could not be read.
pub fn make_by_code(catalog: &Catalog) -> (String, Option<String>) {
    let codes: Vec<&str> = catalog.entries.iter().map(|e| e.code.as_str()).collect();
    let mut map = phf_codegen::Map::new();
    map.phf_path("phf");
    for (i, &code) in codes.iter().enumerate() {
        map.entry(code, i.to_string());
    }
    tables(&map.build().to_string(), &codes)
}

/// The items for the map `literal` that `phf_codegen` printed for `codes`,
/// and a warning when its state had to be found another way.
pub fn tables(literal: &str, codes: &[&str]) -> (String, Option<String>) {
    let (state, warning) = match read_state(literal, codes) {
        Some(state) => (Some(state), None),
        None => {
            let generated = generator_state(literal, codes);
            let how = match generated {
                Some(_) => "took the same state from phf_generator, which it uses",
                None => {
                    "could not find its state another way either, so lookups compare strings without fingerprints (correct, a little slower on a miss)"
                }
            };
            let warning = format!(
                "phf_codegen printed its map in a shape this build script does not read; it {how}. Please report it to tencentcloud-error-codes with the phf_codegen version in your Cargo.lock"
            );
            (generated, Some(warning))
        }
    };
    (make_tables(literal, state.as_ref()), warning)
}

/// The generated items, given the state (`None`: no fingerprints).
fn make_tables(literal: &str, state: Option<&MapState>) -> String {
    let by_code = format!(
        r#"/// Code string to index, hashed perfectly at build time (`phf_codegen`).
/// The entries stand in slot order.
pub(crate) static BY_CODE: phf::Map<&'static str, Index> = {literal};
"#
    );
    let fingerprints: &[u8] = state.map_or(&[], |state| &state.fingerprints);
    let fingerprinted = state.is_some();
    let table = make_table(
        "The fingerprint of the code in each slot of `BY_CODE`, sixteen slots a line.",
        "FINGERPRINTS",
        "u8",
        fingerprints.len(),
        fingerprints.chunks(16).map(|chunk| {
            chunk
                .iter()
                .map(u8::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        }),
    );
    format!(
        r#"{by_code}
/// Whether `FINGERPRINTS` holds a byte per slot; when false (the build
/// could not learn the map's hash state), lookups compare strings only.
pub(crate) const FINGERPRINTED: bool = {fingerprinted};

{table}"#
    )
}

/// The state of the map `literal` (a `phf::Map` expression) of `codes`, if
/// it can be read and is proven to be the map's: every code hashes, with
/// the key and displacements read, to the slot whose entry holds it.
pub fn read_state(literal: &str, codes: &[&str]) -> Option<MapState> {
    let mut text = Tokens::new(literal);
    text.skip_to("key")?;
    text.expect(':')?;
    let key = text.number()?;
    text.skip_to("disps")?;
    text.expect(':')?;
    text.expect('&')?;
    let disps = text.list(|t| {
        let d1 = t.number()?;
        t.expect(',')?;
        let d2 = t.number()?;
        Some((u32::try_from(d1).ok()?, u32::try_from(d2).ok()?))
    })?;
    text.skip_to("entries")?;
    text.expect(':')?;
    text.expect('&')?;
    let entries = text.list(|t| {
        let code = t.string()?;
        t.expect(',')?;
        let index = usize::try_from(t.number()?).ok()?;
        Some((code, index))
    })?;
    if entries.len() != codes.len() || disps.is_empty() {
        return None;
    }
    let mut seen = vec![false; codes.len()];
    let mut fingerprints = Vec::with_capacity(codes.len());
    for (slot, (code, index)) in entries.iter().enumerate() {
        let sound = *index < codes.len() && !seen[*index] && codes[*index] == code;
        let hashes = phf_shared::hash(code.as_str(), &key);
        if !sound || phf_shared::get_index(&hashes, &disps, codes.len()) as usize != slot {
            return None;
        }
        seen[*index] = true;
        fingerprints.push(fingerprint::fingerprint(&hashes));
    }
    Some(MapState {
        key,
        slots: entries.into_iter().map(|(_, index)| index).collect(),
        fingerprints,
    })
}

/// The state `phf_generator` finds for `codes`, if `literal` holds its key.
pub fn generator_state(literal: &str, codes: &[&str]) -> Option<MapState> {
    let state = phf_generator::generate_hash(codes);
    let key = state.key.to_string();
    // The key as a whole number: no digit before or after it.
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let holds_key = literal.match_indices(&key).any(|(at, _)| {
        !digit(literal[..at].chars().next_back())
            && !digit(literal[at + key.len()..].chars().next())
    });
    if !holds_key || state.map.len() != codes.len() {
        return None;
    }
    let fingerprints = state
        .map
        .iter()
        .map(|&i| {
            let code = codes.get(i)?;
            Some(fingerprint::fingerprint(&phf_shared::hash(
                code, &state.key,
            )))
        })
        .collect::<Option<Vec<u8>>>()?;
    Some(MapState {
        key: state.key,
        slots: state.map,
        fingerprints,
    })
}

/// A reader of Rust tokens that skips whitespace.
struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens { rest: text }
    }

    fn trim(&mut self) {
        self.rest = self.rest.trim_start();
    }

    /// Moves past the first `word` that stands alone (not inside a name).
    fn skip_to(&mut self, word: &str) -> Option<()> {
        let mut from = 0;
        loop {
            let at = from + self.rest[from..].find(word)?;
            let before = self.rest[..at].chars().next_back();
            let after = self.rest[at + word.len()..].chars().next();
            let part_of_name = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            if !part_of_name(before) && !part_of_name(after) {
                self.rest = &self.rest[at + word.len()..];
                return Some(());
            }
            from = at + word.len();
        }
    }

    fn expect(&mut self, c: char) -> Option<()> {
        self.trim();
        self.rest = self.rest.strip_prefix(c)?;
        Some(())
    }

    /// An unsigned integer: digits and `_`s, then any type suffix.
    fn number(&mut self) -> Option<u64> {
        self.trim();
        let end = self
            .rest
            .find(|c: char| !(c.is_ascii_digit() || c == '_'))
            .unwrap_or(self.rest.len());
        let digits: String = self.rest[..end].chars().filter(|&c| c != '_').collect();
        let value = digits.parse().ok()?;
        let rest = &self.rest[end..];
        let suffix = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        self.rest = &rest[suffix..];
        Some(value)
    }

    /// A string literal without raw or byte prefixes; codes need only the
    /// simple escapes.
    fn string(&mut self) -> Option<String> {
        self.expect('"')?;
        let mut out = String::new();
        let mut chars = self.rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    self.rest = &self.rest[i + 1..];
                    return Some(out);
                }
                '\\' => match chars.next()?.1 {
                    '\\' => out.push('\\'),
                    '"' => out.push('"'),
                    '\'' => out.push('\''),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    _ => return None,
                },
                c => out.push(c),
            }
        }
        None
    }

    /// `[ (item), (item), ... ]`, a trailing comma allowed.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect('[')?;
        let mut items = Vec::new();
        loop {
            self.trim();
            if self.expect(']').is_some() {
                return Some(items);
            }
            self.expect('(')?;
            items.push(item(self)?);
            self.expect(')')?;
            self.trim();
            if self.rest.starts_with(',') {
                self.rest = &self.rest[1..];
            }
        }
    }
}
