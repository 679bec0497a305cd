//! The body of any Tencent Cloud API 3.0 response, success or failure, and
//! serde support for [`ApiError`]. Feature `serde`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StringDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, Visitor,
};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::ApiError;

/// A response body, success or failure, as one value: deserialize a body
/// into `Response<T>`, then [`into_result`](Response::into_result).
///
/// A success is `{"Response": {...fields of T..., "RequestId": "..."}}`; a
/// failure is `{"Response": {"Error": {"Code": "...", "Message": "..."},
/// "RequestId": "..."}}`. `T` is deserialized from the object inside
/// `Response`, `RequestId` included (a `T` that denies unknown fields must
/// declare it); the `Error` field is never passed to `T`.
///
/// A body of neither shape is a deserialization error that names what is
/// missing (`Response`, or `Code` in `Error`); it never becomes a success.
/// The body is read once, as it streams, without buffering.
///
/// ```
/// use serde::Deserialize;
/// use tencentcloud_error_codes::{ErrorCode, Response};
///
/// #[derive(Deserialize)]
/// #[serde(rename_all = "PascalCase")]
/// struct DescribeInstancesStatus {
///     total_count: u64,
/// }
///
/// let body = r#"{"Response": {"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b4"}}"#;
/// let response: Response<DescribeInstancesStatus> = serde_json::from_str(body)?;
/// assert_eq!(response.request_id(), Some("b5b4"));
/// assert_eq!(response.into_result()?.total_count, 0);
///
/// let body = r#"{"Response": {"Error": {"Code": "AuthFailure.SignatureFailure",
///     "Message": "The provided credentials could not be validated."}, "RequestId": "ed93"}}"#;
/// let Err(err) = serde_json::from_str::<Response<DescribeInstancesStatus>>(body)?.into_result()
/// else {
///     panic!("a failure body");
/// };
/// assert_eq!(err.nearest_catalog_code(), Some(ErrorCode::AuthFailureSignatureFailure));
/// assert_eq!(err.request_id(), Some("ed93"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response<T> {
    request_id: Option<String>,
    result: Result<T, ApiError>,
}

impl<T> Response<T> {
    /// The `RequestId` of the response, success or failure.
    ///
    /// ```
    /// use tencentcloud_error_codes::Response;
    ///
    /// let body = r#"{"Response": {"RequestId": "r-1"}}"#;
    /// let response: Response<serde::de::IgnoredAny> = serde_json::from_str(body)?;
    /// assert_eq!(response.request_id(), Some("r-1"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// Whether the call succeeded (the body has no `Error`).
    ///
    /// ```
    /// use tencentcloud_error_codes::Response;
    ///
    /// let ok: Response<serde::de::IgnoredAny> =
    ///     serde_json::from_str(r#"{"Response": {"RequestId": "r-1"}}"#)?;
    /// assert!(ok.is_success());
    /// let failed: Response<serde::de::IgnoredAny> = serde_json::from_str(
    ///     r#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r-2"}}"#,
    /// )?;
    /// assert!(!failed.is_success());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn is_success(&self) -> bool {
        self.result.is_ok()
    }

    /// The outcome, borrowed.
    ///
    /// ```
    /// use tencentcloud_error_codes::Response;
    ///
    /// let failed: Response<serde::de::IgnoredAny> = serde_json::from_str(
    ///     r#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r-2"}}"#,
    /// )?;
    /// assert_eq!(failed.as_result().unwrap_err().code(), "InternalError");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn as_result(&self) -> Result<&T, &ApiError> {
        self.result.as_ref()
    }

    /// The outcome: the success's `T`, or the failure's [`ApiError`] (which
    /// keeps the request ID).
    ///
    /// ```
    /// use tencentcloud_error_codes::Response;
    ///
    /// let failed: Response<serde::de::IgnoredAny> = serde_json::from_str(
    ///     r#"{"Response": {"Error": {"Code": "InternalError", "Message": ""}, "RequestId": "r-2"}}"#,
    /// )?;
    /// assert_eq!(failed.into_result().unwrap_err().request_id(), Some("r-2"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn into_result(self) -> Result<T, ApiError> {
        self.result
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Response<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BodyVisitor(PhantomData))
    }
}

impl<'de> Deserialize<'de> for ApiError {
    /// From a failure body; a success body is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Response::<IgnoredAny>::deserialize(deserializer)?.result {
            Err(error) => Ok(error),
            Ok(_) => Err(de::Error::custom(
                "expected a failed response, but `Response` has no `Error` field",
            )),
        }
    }
}

impl Serialize for ApiError {
    /// As the failure body it came from.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Fields<'a>(&'a ApiError);
        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("Code", self.0.code())?;
                map.serialize_entry("Message", self.0.message())?;
                map.end()
            }
        }
        struct Inner<'a>(&'a ApiError);
        impl Serialize for Inner<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let id = self.0.request_id();
                let mut map = serializer.serialize_map(Some(1 + usize::from(id.is_some())))?;
                map.serialize_entry("Error", &Fields(self.0))?;
                if let Some(id) = id {
                    map.serialize_entry("RequestId", id)?;
                }
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("Response", &Inner(self))?;
        map.end()
    }
}

/// The whole body: finds `Response`, ignores anything beside it.
struct BodyVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for BodyVisitor<T> {
    type Value = Response<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Tencent Cloud API response, an object with a `Response` field")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut response = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "Response" {
                if response.is_some() {
                    return Err(de::Error::duplicate_field("Response"));
                }
                response = Some(map.next_value_seed(InnerSeed(PhantomData))?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        response.ok_or_else(|| de::Error::missing_field("Response"))
    }
}

/// The object inside `Response`.
struct InnerSeed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for InnerSeed<T> {
    type Value = Response<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for InnerSeed<T> {
    type Value = Response<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the object inside `Response`")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Filtered {
            map,
            error: None,
            request_id: None,
            request_id_for_t: None,
            value_pending: false,
            broken: false,
        };
        let value = T::deserialize(MapAccessDeserializer::new(&mut fields));
        if fields.broken {
            // The envelope itself is malformed; `T` passed the error on.
            return Err(value
                .err()
                .unwrap_or_else(|| de::Error::custom("malformed response")));
        }
        // `T` may stop early (an error, or a type that reads only part of a
        // map); read the rest, which may hold the `Error`.
        if let Err(rest) = fields.drain() {
            return Err(value.err().unwrap_or(rest));
        }
        let request_id = fields.request_id;
        match fields.error {
            Some(ErrorFields { code, message }) => Ok(Response {
                result: Err(ApiError::new(code, message, request_id.clone())),
                request_id,
            }),
            None => Ok(Response {
                result: Ok(value?),
                request_id,
            }),
        }
    }
}

/// The fields inside `Response` as `T` sees them: `Error` taken out,
/// `RequestId` recorded on the way through.
struct Filtered<A> {
    map: A,
    error: Option<ErrorFields>,
    request_id: Option<String>,
    /// `RequestId`, read already, for `T` to take as the next value.
    request_id_for_t: Option<String>,
    /// `T` took a key but not yet its value.
    value_pending: bool,
    /// Reading a key, `Error` or `RequestId` failed: the body is malformed,
    /// whatever `T` makes of it.
    broken: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Filtered<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let result = self.next_own_fields();
        self.broken |= result.is_err();
        let Some(key) = result? else {
            return Ok(None);
        };
        self.value_pending = true;
        let key: StringDeserializer<A::Error> = key.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.value_pending = false;
        match self.request_id_for_t.take() {
            Some(id) => seed.deserialize(id.into_deserializer()),
            None => self.map.next_value_seed(seed),
        }
    }
}

impl<'de, A: MapAccess<'de>> Filtered<A> {
    /// Reads whatever `T` left unread.
    fn drain(&mut self) -> Result<(), A::Error> {
        if self.value_pending {
            self.next_value::<IgnoredAny>()?;
        }
        while self.next_key::<IgnoredAny>()?.is_some() {
            self.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    /// Reads keys until one for `T`, taking `Error` and recording
    /// `RequestId` on the way.
    fn next_own_fields(&mut self) -> Result<Option<String>, A::Error> {
        while let Some(key) = self.map.next_key::<String>()? {
            match key.as_str() {
                "Error" => {
                    if self.error.is_some() {
                        return Err(de::Error::duplicate_field("Error"));
                    }
                    self.error = Some(self.map.next_value()?);
                }
                "RequestId" => {
                    let id: String = self.map.next_value()?;
                    if self.request_id.is_some() {
                        return Err(de::Error::duplicate_field("RequestId"));
                    }
                    self.request_id = Some(id.clone());
                    self.request_id_for_t = Some(id);
                    return Ok(Some(key));
                }
                _ => return Ok(Some(key)),
            }
        }
        Ok(None)
    }
}

/// The object of an `Error` field.
struct ErrorFields {
    code: String,
    message: String,
}

impl<'de> Deserialize<'de> for ErrorFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ErrorFieldsVisitor)
    }
}

struct ErrorFieldsVisitor;

impl<'de> Visitor<'de> for ErrorFieldsVisitor {
    type Value = ErrorFields;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an `Error` object with a `Code` string")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut code, mut message) = (None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "Code" => &mut code,
                "Message" => &mut message,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if slot.is_some() {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{key}` in `Error`"
                )));
            }
            *slot = Some(map.next_value::<String>()?);
        }
        Ok(ErrorFields {
            code: code.ok_or_else(|| de::Error::missing_field("Code"))?,
            // Tencent Cloud always sends one; a body without it is still a
            // failure, with nothing to say.
            message: message.unwrap_or_default(),
        })
    }
}
