//! Arbitrary text into the catalog validator, as `build.rs` would feed it:
//! it must return a catalog or problems, never panic; and a catalog it
//! accepts must generate without panicking. As the first file, as an
//! extra file and as a product catalog.
#![no_main]

#[path = "../../build/catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "../../build/codegen.rs"]
mod codegen;

use catalog::{Catalog, Kind, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let common = |text| Source {
        name: "codes.toml",
        text,
        kind: Kind::Common,
    };
    let shipped = include_str!("../../codes.toml");
    for sources in [
        vec![common(text)],
        vec![
            common(shipped),
            Source {
                name: "/extra.toml",
                text,
                kind: Kind::Extra,
            },
        ],
        vec![
            common(shipped),
            Source {
                name: "products/fuzz.toml",
                text,
                kind: Kind::Product("fuzz"),
            },
        ],
    ] {
        match Catalog::parse(&sources) {
            Ok(catalog) => {
                assert!(!catalog.entries.is_empty());
                let generated = codegen::generate(&catalog);
                // phf_codegen's map is read for any valid catalog.
                assert!(generated.warnings.is_empty(), "{:?}", generated.warnings);
                assert!(generated.source.contains("FINGERPRINTED: bool = true"));
                let _ = codegen::generate_match_floor(&catalog);
            }
            Err(problems) => {
                assert!(!problems.is_empty());
                for problem in problems {
                    assert!(problem.line >= 1 && problem.column >= 1, "{problem}");
                    assert!(
                        !problem.message.contains('\n'),
                        "one line per problem: {problem}"
                    );
                }
            }
        }
    }
});
