//! Randomness for the backoff's jitter, without a dependency: [`Jitter`],
//! a tiny seeded generator, and the mixing step
//! [`RetryState`](crate::RetryState) shares.

/// The SplitMix64 increment.
pub(crate) const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The number in `[0, 1)` for a SplitMix64 state already advanced by
/// [`GOLDEN_GAMMA`].
pub(crate) fn unit_of(state: u64) -> f64 {
    let mut z = state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    // The top 53 bits, as many as an f64 holds exactly.
    (z >> 11) as f64 / (1u64 << 53) as f64
}

/// A seed from the process's hash randomness (the operating system's,
/// through `std`'s `RandomState`), different in every process.
pub(crate) fn entropy() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(0x5eed);
    hasher.finish()
}

/// A tiny seeded generator of jitter (SplitMix64), so the policy needs no
/// dependency for randomness. Seed it yourself for repeatable delays (in a
/// test), or from [`Jitter::from_entropy`]. Any other source of uniform
/// numbers in `[0, 1)` works as well.
///
/// ```
/// use tencentcloud_error_codes::Jitter;
///
/// let mut a = Jitter::new(7);
/// let mut b = Jitter::new(7);
/// let unit = a.next_unit();
/// assert!((0.0..1.0).contains(&unit));
/// assert_eq!(unit, b.next_unit());
/// ```
#[derive(Clone, Debug)]
pub struct Jitter {
    state: u64,
}

impl Jitter {
    /// A generator that yields the same numbers for the same seed.
    ///
    /// ```
    /// use tencentcloud_error_codes::Jitter;
    ///
    /// assert_eq!(Jitter::new(1).next_unit(), Jitter::new(1).next_unit());
    /// ```
    #[must_use]
    pub const fn new(seed: u64) -> Jitter {
        Jitter { state: seed }
    }

    /// A generator seeded from the process's hash randomness (the operating
    /// system's, through `std`'s `RandomState`), different in every process.
    ///
    /// ```
    /// use tencentcloud_error_codes::Jitter;
    ///
    /// assert!((0.0..1.0).contains(&Jitter::from_entropy().next_unit()));
    /// ```
    #[must_use]
    pub fn from_entropy() -> Jitter {
        Jitter::new(entropy())
    }

    /// The next number, uniform in `[0, 1)`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Jitter;
    ///
    /// let mut jitter = Jitter::new(42);
    /// let (a, b) = (jitter.next_unit(), jitter.next_unit());
    /// assert_ne!(a, b);
    /// ```
    pub fn next_unit(&mut self) -> f64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        unit_of(self.state)
    }
}
