//! The catalog's lookups against what a team would write instead, in the
//! same run on the same inputs: a `std::collections::HashMap<&str,
//! ErrorCode>` and a binary search over a sorted slice; at 38 codes, also a
//! generated `match`, the fastest known at that size (the floor).
//!
//! The catalog is whatever this build holds: `codes.toml` alone (38 codes),
//! the product catalogs of the features on (`--features all-products`), or
//! more through `TENCENTCLOUD_ERROR_CODES_EXTRA`; `benches/run.sh` runs
//! every size and prints the ratios. Each group's name ends with the size.

/// The build script writes the floor for the catalog of this very build,
/// so it never falls out of date; above 1,000 codes it writes none.
mod match_floor {
    use tencentcloud_error_codes::ErrorCode;
    include!(concat!(env!("OUT_DIR"), "/match_floor.rs"));
}

use std::collections::HashMap;
use std::hint::black_box;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use tencentcloud_error_codes::{ErrorCode, describe, iter, lookup, resolve};

/// What the benchmarks look up; each list is walked whole per iteration.
struct Inputs {
    /// Every code, shuffled, so that a lookup's memory is not the last one's.
    hits: Vec<&'static str>,
    /// Strings of code-like length and alphabet that are not codes.
    random_misses: Vec<String>,
    /// API-specific children of real codes (`InternalError.NoSuchThing3`).
    child_misses: Vec<String>,
    /// Typos: a real code with one more character, or with one character
    /// changed. They share a long prefix with a code, as real misses do.
    typo_misses: Vec<String>,
    /// The catalog's one-segment codes, and each with a second segment that
    /// is not in the catalog: the two-segment API-specific shape.
    roots: Vec<&'static str>,
    api_specific: Vec<String>,
}

impl Inputs {
    fn new() -> Self {
        let mut rng = fastrand::Rng::with_seed(20261123);
        let mut hits: Vec<&'static str> = iter().map(ErrorCode::as_str).collect();
        rng.shuffle(&mut hits);
        let count = hits.len().max(1000);
        let alphabet: Vec<char> = ('A'..='Z').chain('a'..='z').chain(['.']).collect();
        let random_misses = (0..count)
            .map(|_| {
                let len = rng.usize(15..=50);
                let code: String = (0..len)
                    .map(|_| alphabet[rng.usize(..alphabet.len())])
                    .collect();
                code
            })
            .filter(|code| lookup(code).is_none())
            .collect();
        let child_misses = (0..count)
            .map(|i| format!("{}.NoSuchThing{i}", hits[i % hits.len()]))
            .filter(|code| lookup(code).is_none())
            .collect();
        let typo_misses = (0..count)
            .map(|i| {
                let code = hits[i % hits.len()];
                let mut typo = code.to_owned();
                if i % 2 == 0 {
                    typo.push(alphabet[rng.usize(..alphabet.len() - 1)]);
                } else {
                    let at = rng.usize(..code.len());
                    let c = if code.as_bytes()[at] == b'x' {
                        "y"
                    } else {
                        "x"
                    };
                    typo.replace_range(at..=at, c);
                }
                typo
            })
            .filter(|code| lookup(code).is_none())
            .collect();
        let roots: Vec<&'static str> = iter()
            .map(ErrorCode::as_str)
            .filter(|c| !c.contains('.'))
            .collect();
        let api_specific = roots
            .iter()
            .map(|root| format!("{root}.UnlistedByTheCatalog"))
            .collect();
        Inputs {
            hits,
            random_misses,
            child_misses,
            typo_misses,
            roots,
            api_specific,
        }
    }
}

/// The two hand-written tables.
struct Baselines {
    map: HashMap<&'static str, ErrorCode>,
    sorted: Vec<(&'static str, ErrorCode)>,
}

impl Baselines {
    fn new() -> Self {
        let map = iter().map(|c| (c.as_str(), c)).collect();
        let mut sorted: Vec<_> = iter().map(|c| (c.as_str(), c)).collect();
        sorted.sort_unstable_by_key(|&(code, _)| code);
        Baselines { map, sorted }
    }

    fn hash_map(&self, code: &str) -> Option<ErrorCode> {
        self.map.get(code).copied()
    }

    fn binary_search(&self, code: &str) -> Option<ErrorCode> {
        let i = self.sorted.binary_search_by_key(&code, |&(c, _)| c).ok()?;
        Some(self.sorted[i].1)
    }
}

/// The generated `match`, checked against the catalog, or `None` (said
/// aloud) when the catalog is too large for one.
fn match_floor() -> Option<fn(&str) -> Option<ErrorCode>> {
    let Some(floor) = match_floor::LOOKUP else {
        eprintln!(
            "no `match` floor: {} codes is above what a `match` compiles quickly",
            ErrorCode::ALL.len()
        );
        return None;
    };
    assert!(
        iter().all(|c| floor(c.as_str()) == Some(c)),
        "the generated match disagrees with the catalog"
    );
    Some(floor)
}

/// Benchmarks `find` over every input of `inputs` as one iteration.
fn bench_each<I: AsRef<str>>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    inputs: &[I],
    find: impl Fn(&str) -> Option<ErrorCode>,
) {
    group.bench_function(name, |b| {
        b.iter(|| {
            for input in inputs {
                black_box(find(black_box(input.as_ref())));
            }
        })
    });
}

fn lookups(c: &mut Criterion) {
    let size = ErrorCode::ALL.len();
    let inputs = Inputs::new();
    let baselines = Baselines::new();
    let floor = match_floor();

    for (kind, list) in [
        (
            "hit",
            inputs
                .hits
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>(),
        ),
        ("miss_random", inputs.random_misses.clone()),
        ("miss_child", inputs.child_misses.clone()),
        ("miss_typo", inputs.typo_misses.clone()),
    ] {
        let mut group = c.benchmark_group(format!("lookup_{kind}/{size}"));
        group.throughput(Throughput::Elements(list.len() as u64));
        bench_each(&mut group, "phf", &list, lookup);
        bench_each(&mut group, "hashmap", &list, |s| baselines.hash_map(s));
        bench_each(&mut group, "binary_search", &list, |s| {
            baselines.binary_search(s)
        });
        if let Some(floor) = floor {
            bench_each(&mut group, "match", &list, floor);
        }
        group.finish();
    }

    // A two-segment API-specific code against a plain hit on its parent.
    let mut group = c.benchmark_group(format!("resolve/{size}"));
    group.throughput(Throughput::Elements(inputs.roots.len() as u64));
    bench_each(
        &mut group,
        "resolve_api_specific",
        &inputs.api_specific,
        resolve,
    );
    bench_each(&mut group, "lookup_hit", &inputs.roots, lookup);
    group.finish();

    let mut group = c.benchmark_group(format!("describe/{size}"));
    group.throughput(Throughput::Elements(inputs.hits.len() as u64));
    group.bench_function("phf", |b| {
        b.iter(|| {
            for &code in &inputs.hits {
                black_box(describe(black_box(code)));
            }
        })
    });
    group.bench_function("hashmap", |b| {
        b.iter(|| {
            for &code in &inputs.hits {
                black_box(
                    baselines
                        .hash_map(black_box(code))
                        .map(ErrorCode::description),
                );
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group(format!("iterate/{size}"));
    group.throughput(Throughput::Elements(size as u64));
    group.bench_function("catalog", |b| {
        b.iter(|| {
            iter()
                .map(|code| code.as_str().len() + code.description().len())
                .sum::<usize>()
        })
    });
    group.bench_function("sorted_vec", |b| {
        b.iter(|| {
            baselines
                .sorted
                .iter()
                .map(|&(code, c)| code.len() + c.description().len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn config() -> Criterion {
    // Short runs: four catalog sizes on a shared two-core machine. Ratios
    // within a group are what we read, not absolute times.
    Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! {
    name = benches;
    config = config();
    targets = lookups
}
criterion_main!(benches);
