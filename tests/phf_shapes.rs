//! The generator reads `phf_codegen`'s printed map to learn its hash state
//! (`build/by_code.rs`). That output is no promise, so here it is fed maps
//! printed in other shapes: the state must be read whatever the spacing,
//! be refused when it is not the map's own, be found another way when the
//! shape is unknown, and nothing may panic.

#[path = "../build/catalog.rs"]
#[allow(dead_code)]
mod catalog;
#[path = "../build/codegen.rs"]
#[allow(dead_code)]
mod codegen;

use codegen::by_code::{MapState, generator_state, read_state, tables};

/// The codes of the shipped `codes.toml`.
fn codes() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/codes.toml")).unwrap();
    let table: toml::Table = text.parse().unwrap();
    table["code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

/// What `phf_codegen` prints for `codes`, as the build calls it.
fn printed(codes: &[&str]) -> String {
    let mut map = phf_codegen::Map::new();
    map.phf_path("phf");
    for (i, code) in codes.iter().enumerate() {
        map.entry(*code, i.to_string());
    }
    map.build().to_string()
}

fn with_codes<T>(f: impl FnOnce(&[&str], String) -> T) -> T {
    let owned = codes();
    let codes: Vec<&str> = owned.iter().map(String::as_str).collect();
    let literal = printed(&codes);
    f(&codes, literal)
}

#[test]
fn the_state_read_from_the_map_is_the_one_phf_generator_finds() {
    with_codes(|codes, literal| {
        let read = read_state(&literal, codes).expect("today's shape is read");
        assert_eq!(Some(read.clone()), generator_state(&literal, codes));
        let mut slots = read.slots.clone();
        slots.sort_unstable();
        assert_eq!(slots, (0..codes.len()).collect::<Vec<_>>());
        let (items, warning) = tables(&literal, codes);
        assert_eq!(warning, None);
        assert!(items.contains("pub(crate) const FINGERPRINTED: bool = true;"));
    });
}

#[test]
fn other_spacing_and_number_suffixes_are_read_alike() {
    with_codes(|codes, literal| {
        let expected = read_state(&literal, codes).unwrap();
        let one_line = literal.split_whitespace().collect::<Vec<_>>().join(" ");
        let tight: String = literal.split_whitespace().collect();
        let tabs = literal.replace("    ", "\t").replace('\n', "\r\n");
        let suffixed = literal.replace(
            &format!("key: {}", expected.key),
            &format!("key: {}_u64", expected.key),
        );
        let no_trailing_commas = literal.replace(",\n    ]", "\n    ]");
        for (shape, text) in [
            ("one line", one_line),
            ("no spaces", tight),
            ("tabs and CRLF", tabs),
            ("a typed key", suffixed),
            ("no trailing commas", no_trailing_commas),
        ] {
            assert_eq!(
                read_state(&text, codes).as_ref(),
                Some(&expected),
                "{shape}"
            );
        }
    });
}

#[test]
fn a_state_that_is_not_the_maps_own_is_refused_and_found_again() {
    with_codes(|codes, literal| {
        let state = read_state(&literal, codes).unwrap();
        // Two entries swapped: each code is still there, in the wrong slot.
        let lines: Vec<&str> = literal.lines().collect();
        let first = lines
            .iter()
            .position(|l| l.trim_start().starts_with("(\""))
            .unwrap();
        let mut swapped = lines.clone();
        swapped.swap(first, first + 1);
        let swapped = swapped.join("\n");
        assert_eq!(read_state(&swapped, codes), None, "the proof fails");
        let (items, warning) = tables(&swapped, codes);
        assert!(
            warning
                .unwrap()
                .contains("took the same state from phf_generator")
        );
        assert!(items.contains("FINGERPRINTED: bool = true;"));
        assert_eq!(generator_state(&swapped, codes), Some(state));
    });
}

#[test]
fn an_unknown_shape_without_the_key_leaves_lookups_without_fingerprints() {
    with_codes(|codes, literal| {
        let MapState { key, .. } = read_state(&literal, codes).unwrap();
        let hex = literal.replace(&key.to_string(), &format!("{key:#x}"));
        assert_eq!(read_state(&hex, codes), None);
        assert_eq!(generator_state(&hex, codes), None);
        let (items, warning) = tables(&hex, codes);
        assert!(warning.unwrap().contains("without fingerprints"));
        assert!(items.contains("pub(crate) const FINGERPRINTED: bool = false;"));
        assert!(items.contains("pub(crate) static FINGERPRINTS: [u8; 0] = [\n];"));
    });
}

#[test]
fn no_cut_or_garbled_output_panics() {
    with_codes(|codes, literal| {
        // Cut before the entries end, the map is incomplete; after, whole.
        let entries_end = literal.rfind(']').unwrap();
        for end in (0..literal.len()).step_by(7) {
            let read = read_state(&literal[..end], codes);
            assert_eq!(read.is_some(), end > entries_end, "cut at {end}");
        }
        for garbled in [
            String::new(),
            "phf::Map { key: , disps: &[], entries: &[] }".to_owned(),
            "key: 18446744073709551616, disps: &[(1, 2)], entries: &[(\"A\", 0)]".to_owned(),
            "key: 1, disps: &[(99999999999, 2)], entries: &[(\"A\", 0)]".to_owned(),
            "key: 1, disps: &[(1, 2)], entries: &[(\"A\\q\", 0)]".to_owned(),
            "key: 1, disps: &[(1, 2)], entries: &[(\"A\", 99)]".to_owned(),
            literal.replace("entries", "slots"),
            literal.replace('(', "[").replace(')', "]"),
            "ключ: 1 «»".to_owned(),
        ] {
            assert_eq!(read_state(&garbled, codes), None, "{garbled:.80}");
            let _ = tables(&garbled, codes);
        }
    });
}
