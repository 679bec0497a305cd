//! The generator's output for a small fixture catalog (`tests/golden/`),
//! compared byte for byte with the committed `tests/golden/catalog.rs` and
//! `tests/golden/match_floor.rs`, so that every change to the generated
//! code shows up in review. After a deliberate change, rewrite them with
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test golden
//! ```

#[path = "../build/catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "../build/codegen.rs"]
mod codegen;

use std::path::Path;

use catalog::{Catalog, Kind, Source};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

fn fixture() -> Catalog {
    let read = |name: &str| std::fs::read_to_string(Path::new(GOLDEN).join(name)).unwrap();
    let (common, product, families) = (
        read("common.toml"),
        read("product.toml"),
        read("families.toml"),
    );
    Catalog::parse(&[
        Source {
            name: "common.toml",
            text: &common,
            kind: Kind::Common,
        },
        Source {
            name: "product.toml",
            text: &product,
            kind: Kind::Product("demo"),
        },
        Source {
            name: "families.toml",
            text: &families,
            kind: Kind::Families,
        },
    ])
    .unwrap_or_else(|problems| panic!("{problems:#?}"))
}

/// `generated` is the committed `name`, or rewrites it under `UPDATE_GOLDEN`.
fn assert_golden(name: &str, generated: &str) {
    let path = Path::new(GOLDEN).join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != generated {
        let line = expected
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(generated.lines().count()));
        panic!(
            "the generated {name} differs from tests/golden/{name} from line {} on:\n  expected: {:?}\n  generated: {:?}\nreview the change, then rewrite it with UPDATE_GOLDEN=1 cargo test --test golden",
            line + 1,
            expected.lines().nth(line),
            generated.lines().nth(line)
        );
    }
}

#[test]
fn the_generated_catalog_matches_the_golden_file() {
    let generated = codegen::generate(&fixture());
    assert_eq!(
        generated.warnings,
        Vec::<String>::new(),
        "phf_codegen's map is read"
    );
    assert_golden("catalog.rs", &generated.source);
}

#[test]
fn the_generated_match_floor_matches_the_golden_file() {
    assert_golden("match_floor.rs", &codegen::generate_match_floor(&fixture()));
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(
        codegen::generate(&fixture()).source,
        codegen::generate(&fixture()).source
    );
}

#[test]
fn the_shipped_catalog_generates_every_code() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/codes.toml")).unwrap();
    let catalog = Catalog::parse(&[Source {
        name: "codes.toml",
        text: &text,
        kind: Kind::Common,
    }])
    .unwrap();
    let generated = codegen::generate(&catalog).source;
    for entry in &catalog.entries {
        assert!(
            generated.contains(&format!("Entry {{ code: {:?},", entry.code)),
            "{} missing",
            entry.code
        );
        assert!(generated.contains(&format!("\n    {},\n", entry.variant)));
    }
}

#[test]
fn doc_escaping_neutralises_markdown_and_forbidden_characters() {
    assert_eq!(codegen::escape_doc("Signature error."), "Signature error.");
    assert_eq!(
        codegen::escape_doc("Use [Param] or <b>x</b> `y` *z* a_b"),
        "Use \\[Param\\] or \\<b\\>x\\</b\\> \\`y\\` \\*z\\* a\\_b"
    );
    // Continuation lines: no indented code block, heading, list or fence.
    assert_eq!(
        codegen::escape_doc("a\n    code\n# h\n- item\n12. n\n```"),
        "a\ncode\n\\# h\n\\- item\n12\\. n\n\\`\\`\\`"
    );
    // Characters rustc rejects in comments.
    assert_eq!(codegen::escape_doc("a\rb\u{202E}c"), "a\\u{d}b\\u{202e}c");
}
