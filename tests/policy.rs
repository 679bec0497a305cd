//! The retry policy: properties over arbitrary failures, attempts, settings
//! (the extremes included) and random numbers; the quota and the
//! per-request driver; agreement with every catalog code's advice.

use std::sync::Arc;
use std::time::Duration;

use proptest::prelude::*;
use tencentcloud_error_codes::{
    AdviceSource, ApiError, Decision, ErrorCode, Failure, Jitter, Retry, RetryPolicy, RetryQuota,
    Stop, advise,
};

fn any_retry() -> impl Strategy<Value = Retry> {
    prop::sample::select(Retry::ALL.to_vec())
}

/// Any delay, the extremes included.
fn any_duration() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (0u64..60_000).prop_map(Duration::from_millis),
        Just(Duration::ZERO),
        Just(Duration::MAX),
        Just(Duration::from_nanos(1)),
        (any::<u64>(), 0u32..1_000_000_000).prop_map(|(s, n)| Duration::new(s, n)),
    ]
}

fn any_failure() -> impl Strategy<Value = Failure> {
    (
        any_retry(),
        prop::option::of(prop::sample::select(
            tencentcloud_error_codes::Category::ALL.to_vec(),
        )),
        prop::option::of(any_duration()),
    )
        .prop_map(|(retry, category, hint)| {
            let failure = Failure::new(retry, category);
            match hint {
                Some(delay) => failure.with_server_delay(delay),
                None => failure,
            }
        })
}

fn any_policy() -> impl Strategy<Value = RetryPolicy> {
    (any::<u32>(), any_duration(), any_duration(), any_duration()).prop_map(
        |(attempts, base, throttling, cap)| {
            RetryPolicy::new()
                .with_max_attempts(attempts % 12)
                .with_base_delay(base)
                .with_throttling_base_delay(throttling)
                .with_max_delay(cap)
        },
    )
}

/// Any f64, the awkward ones included.
fn any_unit() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..1.0f64,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        Just(1.0),
        any::<f64>(),
    ]
}

proptest! {
    #[test]
    fn never_is_never_retried(
        policy in any_policy(),
        failure in any_failure(),
        attempt in any::<u32>(),
        idempotent in any::<bool>(),
        unit in any_unit(),
    ) {
        let never = Failure::new(Retry::Never, failure.category());
        prop_assert_eq!(
            policy.decide(never, attempt, idempotent, unit),
            Decision::Stop(Stop::NotRetryable)
        );
    }

    #[test]
    fn if_idempotent_is_retried_only_when_idempotent(
        policy in any_policy(),
        attempt in any::<u32>(),
        unit in any_unit(),
    ) {
        prop_assert_eq!(
            policy.decide(Failure::unknown(), attempt, false, unit),
            Decision::Stop(Stop::NotIdempotent)
        );
    }

    #[test]
    fn every_delay_is_within_zero_and_the_cap(
        policy in any_policy(),
        failure in any_failure(),
        attempt in any::<u32>(),
        idempotent in any::<bool>(),
        unit in any_unit(),
    ) {
        if let Decision::RetryAfter(delay) = policy.decide(failure, attempt, idempotent, unit) {
            prop_assert!(delay <= policy.max_delay(), "{delay:?} > {:?}", policy.max_delay());
            if let Some(asked) = failure.server_delay() {
                prop_assert!(delay >= asked);
            }
        }
    }

    #[test]
    fn never_more_than_the_maximum_number_of_attempts(
        policy in any_policy(),
        failure in any_failure(),
        seed in any::<u64>(),
    ) {
        // The driver, against a service that always fails.
        let retries = policy.start(true).with_jitter_seed(seed);
        let mut sent = 1;
        while retries.next_delay(failure).is_ok() {
            sent += 1;
            prop_assert!(sent <= policy.max_attempts());
        }
        prop_assert_eq!(retries.attempts(), sent);
    }

    #[test]
    fn deciding_takes_nothing_from_the_quota(
        policy in any_policy(),
        failure in any_failure(),
        attempt in any::<u32>(),
        unit in any_unit(),
    ) {
        let quota = Arc::new(RetryQuota::new(100));
        let retries = policy.start(true).with_quota(quota.clone());
        for _ in 0..3 {
            let _ = policy.decide(failure, attempt, true, unit);
        }
        prop_assert_eq!(quota.available(), 100);
        prop_assert_eq!(retries.attempts(), 0);
        // Only the driver's step pays, and only for a retry.
        match retries.next_delay(failure) {
            Ok(_) => prop_assert_eq!(quota.available(), 100 - quota.cost(&failure)),
            Err(_) => prop_assert_eq!(quota.available(), 100),
        }
    }
}

/// The mean of `samples` delays for `attempt`, with a seeded jitter.
fn mean_delay(policy: &RetryPolicy, failure: Failure, attempt: u32, samples: u32) -> Duration {
    let mut jitter = Jitter::new(u64::from(attempt));
    let total: Duration = (0..samples)
        .map(
            |_| match policy.decide(failure, attempt, true, jitter.next_unit()) {
                Decision::RetryAfter(delay) => delay,
                other => panic!("{other:?}"),
            },
        )
        .sum();
    total / samples
}

#[test]
fn the_mean_delay_grows_with_the_attempt_until_the_cap() {
    let policy = RetryPolicy::new().with_max_attempts(10);
    for failure in [
        Failure::from(ErrorCode::RequestLimitExceeded),
        Failure::from(ErrorCode::ServiceUnavailable),
        Failure::unknown(),
    ] {
        let means: Vec<Duration> = (1..10)
            .map(|attempt| mean_delay(&policy, failure, attempt, 2_000))
            .collect();
        // Full jitter: the mean is half the ceiling, which doubles until it
        // meets the cap.
        let mut capped = false;
        for pair in means.windows(2) {
            if capped {
                assert!(pair[1] <= policy.max_delay());
            } else if pair[1] * 10 < pair[0] * 18 {
                // Less than 1.8× the one before: the cap has been reached.
                capped = true;
            }
            assert!(pair[1] >= pair[0] * 9 / 10, "{failure:?}: {means:?}");
        }
        assert!(means[0] < means[5], "{failure:?}: {means:?}");
        assert!(capped, "the cap of 20 s is reached within 9 attempts");
    }
}

#[test]
fn throttling_backs_off_longer_than_a_passing_outage() {
    let policy = RetryPolicy::new();
    let throttled = mean_delay(&policy, ErrorCode::RequestLimitExceeded.into(), 1, 2_000);
    let busy = mean_delay(&policy, ErrorCode::ServiceUnavailable.into(), 1, 2_000);
    assert!(throttled > busy, "{throttled:?} vs {busy:?}");
}

#[test]
fn the_quota_stops_retries_until_successes_refill_it() {
    let quota = Arc::new(RetryQuota::standard());
    let policy = RetryPolicy::new();
    let request = || policy.start(true).with_quota(quota.clone());
    // An outage: every call fails with a safe code and is retried once.
    let mut retried = 0;
    while request().next_delay(ErrorCode::ServiceUnavailable).is_ok() {
        retried += 1;
    }
    let cost = RetryQuota::RETRY_COST;
    assert_eq!(retried, RetryQuota::STANDARD_CAPACITY / cost);
    assert_eq!(
        request().next_delay(ErrorCode::ServiceUnavailable),
        Err(Stop::QuotaExhausted)
    );
    // Advice comes first: a `never` code stops as `never`, quota or not.
    assert_eq!(
        request().next_delay(ErrorCode::InvalidParameter),
        Err(Stop::NotRetryable)
    );
    // A rate limit costs less, so it may still be paid for.
    let left = quota.available();
    assert!(left < cost);
    assert_eq!(
        request()
            .next_delay(ErrorCode::RequestLimitExceeded)
            .is_ok(),
        left >= RetryQuota::RATE_LIMIT_RETRY_COST
    );
    // First-time successes refill it, one token each, until a retry is paid.
    while quota.available() < cost {
        request().succeeded();
    }
    let paid = request();
    assert!(paid.next_delay(ErrorCode::ServiceUnavailable).is_ok());
    let after = quota.available();
    // A retried success gives its retry back; never beyond the capacity.
    paid.succeeded();
    assert_eq!(quota.available(), after + cost);
    paid.succeeded();
    assert_eq!(quota.available(), after + cost, "the refund is paid once");
    for _ in 0..1_000 {
        request().succeeded();
    }
    assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY);
}

#[test]
fn a_driver_counts_attempts_and_keeps_the_request_idempotency() {
    let policy = RetryPolicy::new();
    let read = policy.start(true).with_jitter_seed(1);
    let create = policy.start(false).with_jitter_seed(1);
    assert!(read.next_delay(ErrorCode::InternalError).is_ok());
    assert_eq!(
        create.next_delay(ErrorCode::InternalError),
        Err(Stop::NotIdempotent)
    );
    assert!(read.next_delay(ErrorCode::InternalError).is_ok());
    assert_eq!(
        read.next_delay(ErrorCode::InternalError),
        Err(Stop::AttemptsExhausted)
    );
    assert_eq!(read.attempts(), 3);
    // Its delays are the policy's for the same attempts and jitter.
    let again = policy.start(true).with_jitter_seed(1);
    let mut jitter = Jitter::new(1);
    for attempt in 1..3 {
        assert_eq!(
            again.decide(ErrorCode::InternalError),
            policy.decide(ErrorCode::InternalError, attempt, true, jitter.next_unit())
        );
    }
}

#[test]
fn extreme_settings_and_units_give_bounded_delays() {
    let huge = RetryPolicy::new()
        .with_max_attempts(u32::MAX)
        .with_base_delay(Duration::MAX)
        .with_throttling_base_delay(Duration::MAX)
        .with_max_delay(Duration::MAX);
    for unit in [
        0.0,
        0.5,
        1.0 - f64::EPSILON,
        1.0,
        2.0,
        f64::INFINITY,
        f64::NAN,
        -0.0,
    ] {
        for attempt in [0, 1, 2, 63, 64, u32::MAX - 1] {
            let decision = huge.decide(ErrorCode::RequestLimitExceeded, attempt, true, unit);
            assert!(
                matches!(decision, Decision::RetryAfter(_)),
                "{unit} {attempt}: {decision:?}"
            );
        }
    }
    // A unit of 1 or more is the largest below 1: at most the ceiling (a
    // nanosecond's rounding may reach it).
    let policy = RetryPolicy::new();
    let at_one = policy.decide(ErrorCode::ServiceUnavailable, 1, true, 1.0);
    let below = policy.decide(ErrorCode::ServiceUnavailable, 1, true, 0.999_999);
    assert!(at_one.delay().unwrap() <= policy.base_delay());
    assert!(at_one.delay() >= below.delay());
    assert_eq!(
        policy.decide(ErrorCode::ServiceUnavailable, 1, true, f64::NAN),
        Decision::RetryAfter(Duration::ZERO)
    );
}

#[test]
fn every_catalog_code_is_decided_by_its_advice() {
    let policy = RetryPolicy::new();
    for &code in ErrorCode::ALL {
        for idempotent in [false, true] {
            let decision = policy.decide(code, 1, idempotent, 0.5);
            assert_eq!(
                matches!(decision, Decision::RetryAfter(_)),
                code.retry().allows(idempotent),
                "{code}"
            );
        }
    }
}

#[test]
fn an_api_error_is_decided_by_advise_not_by_its_bare_parent() {
    let policy = RetryPolicy::new();
    // For every safe code, a child nobody has seen. Where no family speaks
    // for it, its ancestor's `safe` is only `if-idempotent` in advise, so
    // the bare parent and advise disagree: the policy must follow advise.
    let mut disagreements = 0;
    for &parent in ErrorCode::ALL.iter().filter(|c| c.retry() == Retry::Safe) {
        let child = format!("{parent}.NeverSeenBefore");
        let err = ApiError::new(child.as_str(), "written for this test", None);
        let advised = advise(&child);
        assert_eq!(Failure::from(&err), Failure::from(advised), "{child}");
        assert_eq!(Failure::from(&err), Failure::from_code(&child), "{child}");
        let Some(advice) = advised else { continue };
        let decision = policy.decide(&err, 1, false, 0.5);
        assert_eq!(
            matches!(decision, Decision::RetryAfter(_)),
            advice.retry() == Retry::Safe,
            "{child}: {decision:?}"
        );
        if let AdviceSource::Ancestor(ancestor) = advice.source() {
            assert_eq!(ancestor, parent);
            assert_eq!(advice.retry(), Retry::IfIdempotent);
            assert_eq!(decision, Decision::Stop(Stop::NotIdempotent), "{child}");
            assert!(matches!(
                policy.decide(parent, 1, false, 0.5),
                Decision::RetryAfter(_)
            ));
            disagreements += 1;
        }
    }
    assert!(
        disagreements > 0,
        "a safe code without a family (ServiceUnavailable) is in every build"
    );
    // Unknown to the catalog: only when idempotent.
    let unknown = ApiError::new("WidgetFamily.Unheard", "", None);
    assert_eq!(Failure::from(&unknown), Failure::unknown());
    assert_eq!(
        policy.decide(&unknown, 1, false, 0.5),
        Decision::Stop(Stop::NotIdempotent)
    );
    assert!(matches!(
        policy.decide(&unknown, 1, true, 0.5),
        Decision::RetryAfter(_)
    ));
}

#[test]
fn a_server_delay_longer_than_the_cap_stops() {
    let policy = RetryPolicy::new();
    let failure =
        Failure::from(ErrorCode::RequestLimitExceeded).with_server_delay(Duration::from_secs(60));
    assert_eq!(
        policy.decide(failure, 1, true, 0.5),
        Decision::Stop(Stop::ServerDelayTooLong)
    );
}

#[test]
fn jitter_is_uniform_enough() {
    let mut jitter = Jitter::new(42);
    let samples: Vec<f64> = (0..10_000).map(|_| jitter.next_unit()).collect();
    assert!(samples.iter().all(|u| (0.0..1.0).contains(u)));
    let mean = samples.iter().sum::<f64>() / samples.len() as f64;
    assert!((mean - 0.5).abs() < 0.02, "{mean}");
    // Ten buckets, each near a tenth.
    let mut buckets = [0u32; 10];
    for u in &samples {
        buckets[(u * 10.0) as usize] += 1;
    }
    assert!(
        buckets.iter().all(|&n| (800..1_200).contains(&n)),
        "{buckets:?}"
    );
    assert_ne!(
        Jitter::from_entropy().next_unit(),
        Jitter::from_entropy().next_unit()
    );
}
