//! Arbitrary text into the catalog validator, as `build.rs` would feed it:
//! it must return a catalog or problems, never panic; and a catalog it
//! accepts must generate without panicking.
#![no_main]

#[path = "../../build/catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "../../build/codegen.rs"]
mod codegen;

use catalog::{Catalog, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // As the first file, and as an extra file after the shipped catalog.
    for sources in [
        vec![Source {
            name: "codes.toml",
            text,
        }],
        vec![
            Source {
                name: "codes.toml",
                text: include_str!("../../codes.toml"),
            },
            Source {
                name: "/extra.toml",
                text,
            },
        ],
    ] {
        match Catalog::parse(&sources) {
            Ok(catalog) => {
                assert!(!catalog.entries.is_empty());
                let _ = codegen::generate(&catalog);
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
