//! No lookup, describe or resolve allocates, whatever the input: a counting
//! global allocator watches every call.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use tencentcloud_error_codes::{Category, ErrorCode, describe, iter, lookup, resolve};

/// The system allocator, counting the allocations of the current thread.
struct Counting;

thread_local! {
    // `const` and `Copy`: no lazy initialisation, which could itself allocate.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the
// `GlobalAlloc` contract; counting touches only a thread-local `Cell`.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        // SAFETY: forwarded with the caller's pointer, layout and size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` made on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn lookups_describe_and_resolve_never_allocate() {
    let megabyte = "A.".repeat(1 << 19);
    let mut inputs: Vec<String> = iter()
        .flat_map(|c| {
            [
                c.as_str().to_owned(),
                format!("{c}.ApiSpecific.Child"),
                c.as_str().to_lowercase(),
            ]
        })
        .collect();
    inputs.extend(
        [
            "",
            ".",
            "..",
            "InternalError.",
            ".InternalError",
            "内部错误",
            "\0",
            "InvalidParameterValueLimit",
        ]
        .map(String::from),
    );
    inputs.push(megabyte);
    inputs.push(format!("InternalError.{}", "x".repeat(1 << 20)));

    let mut found = 0;
    let counted = allocations(|| {
        for input in &inputs {
            found += usize::from(lookup(input).is_some());
            found += usize::from(describe(input).is_some());
            found += usize::from(resolve(input).is_some());
            found += usize::from(ErrorCode::from_code(input).is_some());
        }
        for code in iter() {
            found += code.as_str().len() + code.description().len();
            found += usize::from(code.parent().is_some())
                + code.category() as usize
                + code.retry() as usize;
        }
        for &category in Category::ALL {
            found += category.codes().count() + category.as_str().len();
        }
    });
    assert_eq!(counted, 0, "the lookups allocated {counted} times");
    assert!(found > 0);
    // The counter works: this allocates.
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 16]))) > 0);
}
