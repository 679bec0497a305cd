use std::fmt;
use std::iter::FusedIterator;
use std::str::FromStr;

use crate::generated::{self, CATEGORIES, CategoryEntry, code_at};
use crate::{Category, ErrorCode, Quoted};

impl Category {
    /// Every category, in the order `codes.toml` declares them.
    ///
    /// ```
    /// use tencentcloud_error_codes::Category;
    ///
    /// assert!(Category::ALL.contains(&Category::Auth));
    /// assert!(Category::ALL.contains(&Category::Throttling));
    /// ```
    pub const ALL: &'static [Category] = &generated::ALL_CATEGORIES;

    /// The name used in `codes.toml`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Category;
    ///
    /// assert_eq!(Category::Throttling.as_str(), "throttling");
    /// ```
    #[inline]
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.entry().name
    }

    /// What the codes of this category have in common, and what to do.
    ///
    /// ```
    /// use tencentcloud_error_codes::Category;
    ///
    /// assert!(Category::Throttling.description().contains("back off"));
    /// ```
    #[inline]
    #[must_use]
    pub fn description(self) -> &'static str {
        self.entry().description
    }

    /// Whether this category's codes say the caller sends too fast, as
    /// `codes.toml` declares it (`rate_limit = true`): a retry then backs
    /// off from [`RetryPolicy`](crate::RetryPolicy)'s longer throttling
    /// base, since the limit is per second and shared by every caller of
    /// the account. A property of the data, so renaming the category keeps
    /// it.
    ///
    /// ```
    /// use tencentcloud_error_codes::Category;
    ///
    /// assert!(Category::Throttling.is_rate_limit());
    /// assert!(!Category::Server.is_rate_limit());
    /// ```
    #[must_use]
    #[inline]
    pub fn is_rate_limit(self) -> bool {
        self.entry().rate_limit
    }

    /// The codes of this category, in declared order.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Category, ErrorCode};
    ///
    /// let server: Vec<ErrorCode> = Category::Server.codes().collect();
    /// assert!(server.contains(&ErrorCode::InternalError));
    /// assert!(server.iter().all(|code| code.category() == Category::Server));
    /// ```
    #[must_use]
    pub fn codes(
        self,
    ) -> impl DoubleEndedIterator<Item = ErrorCode> + ExactSizeIterator + FusedIterator + Clone
    {
        self.entry().codes.iter().map(|&index| code_at(index))
    }

    #[inline]
    fn entry(self) -> &'static CategoryEntry {
        &CATEGORIES[self as usize]
    }
}

impl fmt::Display for Category {
    /// Writes [`as_str`](Category::as_str).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Category {
    type Err = UnknownCategory;

    /// Parses a name of [`as_str`](Category::as_str), exactly.
    ///
    /// ```
    /// use tencentcloud_error_codes::Category;
    ///
    /// assert_eq!("quota".parse(), Ok(Category::Quota));
    /// assert!("Quota".parse::<Category>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCategory(s.to_owned()))
    }
}

/// The error of parsing a [`Category`] from a string that names none.
///
/// ```
/// use tencentcloud_error_codes::Category;
///
/// let err = "no-such-category".parse::<Category>().unwrap_err();
/// assert_eq!(err.input(), "no-such-category");
/// assert!(err.to_string().starts_with(r#"unknown category "no-such-category": expected one of "#));
/// assert!(err.to_string().contains(Category::Auth.as_str()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCategory(String);

impl UnknownCategory {
    /// The string that names no category.
    ///
    /// ```
    /// use tencentcloud_error_codes::Category;
    ///
    /// let err = "Auth".parse::<Category>().unwrap_err();
    /// assert_eq!(err.input(), "Auth");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown category {}: expected one of ", Quoted(&self.0))?;
        for (i, category) in Category::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(category.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownCategory {}
