//! `ErrorCode`, `Category` and `Retry` as their strings. Feature `serde`.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::{Category, ErrorCode, Retry};

/// Parses a string with `FromStr`; an unknown string is an error that names
/// it (the `FromStr` error's message).
struct ParseVisitor<T> {
    expecting: &'static str,
    parsed: PhantomData<T>,
}

impl<T: FromStr<Err: fmt::Display>> Visitor<'_> for ParseVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        s.parse().map_err(E::custom)
    }
}

macro_rules! as_string {
    ($type:ty, $expecting:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(ParseVisitor {
                    expecting: $expecting,
                    parsed: PhantomData,
                })
            }
        }
    };
}

as_string!(ErrorCode, "a Tencent Cloud error code of the catalog");
as_string!(Category, "an error code category");
as_string!(Retry, "retry advice, as spelled in codes.toml");
