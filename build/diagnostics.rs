//! How a problem is told: a [`Diagnostic`] at a file, line and column,
//! and the [`Files`] being read that every step reports through. Also the
//! one rule for "defined twice" ([`FirstDefinitions`]).

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use super::model::{Kind, Source};

/// One problem in a catalog file, located at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// In the order an editor would show them: files as given, then lines.
pub(super) fn sorted(mut diagnostics: Vec<Diagnostic>, sources: &[Source<'_>]) -> Vec<Diagnostic> {
    let file_order = |name: &str| sources.iter().position(|s| s.name == name);
    diagnostics.sort_by_key(|d| (file_order(&d.file), d.line, d.column));
    diagnostics
}

/// A place in one of the files: which file, which bytes.
#[derive(Clone, Debug)]
pub(super) struct Place {
    pub(super) file: usize,
    pub(super) span: Range<usize>,
}

/// The files being read, and the problems found in them so far.
pub(super) struct Files<'a> {
    pub(super) sources: &'a [Source<'a>],
    /// Byte offset of each line's start, per file, for line and column.
    pub(super) line_starts: Vec<Vec<usize>>,
    /// Each file's index among the product files (into
    /// [`Catalog::products`]), if it is one.
    pub(super) product_of: Vec<Option<usize>>,
    pub(super) errors: Vec<Diagnostic>,
}

impl<'a> Files<'a> {
    pub(super) fn new(sources: &'a [Source<'a>]) -> Self {
        let line_starts = sources
            .iter()
            .map(|s| {
                std::iter::once(0)
                    .chain(s.text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect()
            })
            .collect();
        let mut products = 0..;
        let product_of = sources
            .iter()
            .map(|s| match s.kind {
                Kind::Product(_) => products.next(),
                _ => None,
            })
            .collect();
        Files {
            sources,
            line_starts,
            product_of,
            errors: Vec::new(),
        }
    }

    /// A diagnostic at `place`; columns count characters, as editors do.
    pub(super) fn diagnostic(&self, place: &Place, message: String) -> Diagnostic {
        let text = self.sources[place.file].text;
        let offset = place.span.start.min(text.len());
        let starts = &self.line_starts[place.file];
        let line = starts.partition_point(|&start| start <= offset);
        let column = text
            .get(starts[line - 1]..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Diagnostic {
            file: self.sources[place.file].name.to_owned(),
            line,
            column,
            message,
        }
    }

    pub(super) fn report(&mut self, place: &Place, message: String) {
        let diagnostic = self.diagnostic(place, message);
        self.errors.push(diagnostic);
    }

    /// `file:line:column`, for a message that points at a second place.
    pub(super) fn locate(&self, place: &Place) -> String {
        let d = self.diagnostic(place, String::new());
        format!("{}:{}:{}", d.file, d.line, d.column)
    }

    pub(super) fn kind(&self, place: &Place) -> Kind<'a> {
        self.sources[place.file].kind
    }
}

/// The first definition of each key, and where it is. The rule for every
/// "defined twice" check: the first definition wins, and the second is
/// reported at its own place, naming the first.
pub(super) struct FirstDefinitions<T> {
    pub(super) by_key: HashMap<String, (Place, T)>,
}

impl<T: Copy> FirstDefinitions<T> {
    pub(super) fn new() -> Self {
        FirstDefinitions {
            by_key: HashMap::new(),
        }
    }

    /// Records `key` as defined at `place` and returns `None`, or, if it is
    /// already defined, returns the first definition and records nothing.
    pub(super) fn claim(&mut self, key: &str, place: &Place, value: T) -> Option<(Place, T)> {
        match self.by_key.get(key) {
            Some((first, value)) => Some((first.clone(), *value)),
            None => {
                self.by_key.insert(key.to_owned(), (place.clone(), value));
                None
            }
        }
    }
}

/// A string field with the place of its value.
pub(super) struct Located {
    pub(super) value: String,
    pub(super) place: Place,
}

/// TOML parser messages can span lines; a diagnostic is one line.
pub(super) fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
