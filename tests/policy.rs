//! The retry policy: properties over arbitrary failures, attempts, settings
//! and random numbers; the quota; agreement with every catalog code's
//! advice.

use std::sync::Arc;
use std::time::Duration;

use proptest::prelude::*;
use tencentcloud_error_codes::{
    ApiError, Decision, ErrorCode, Failure, Jitter, Retry, RetryPolicy, RetryQuota, Stop,
};

fn any_retry() -> impl Strategy<Value = Retry> {
    prop::sample::select(Retry::ALL.to_vec())
}

fn any_failure() -> impl Strategy<Value = Failure> {
    (
        any_retry(),
        prop::option::of(prop::sample::select(
            tencentcloud_error_codes::Category::ALL.to_vec(),
        )),
        prop::option::of(0u64..60_000),
    )
        .prop_map(|(retry, category, hint)| {
            let failure = Failure::new(retry, category);
            match hint {
                Some(ms) => failure.with_server_delay(Duration::from_millis(ms)),
                None => failure,
            }
        })
}

fn any_policy() -> impl Strategy<Value = RetryPolicy> {
    (1u32..10, 0u64..5_000, 0u64..5_000, 0u64..60_000).prop_map(
        |(attempts, base, throttling, cap)| {
            RetryPolicy::default()
                .with_max_attempts(attempts)
                .with_base_delay(Duration::from_millis(base))
                .with_throttling_base_delay(Duration::from_millis(throttling))
                .with_max_delay(Duration::from_millis(cap))
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
        // The loop a caller writes, against a service that always fails.
        let mut jitter = Jitter::new(seed);
        let mut attempts = 0;
        loop {
            attempts += 1;
            prop_assert!(attempts <= policy.max_attempts());
            match policy.decide(failure, attempts, true, jitter.next_unit()) {
                Decision::RetryAfter(_) => continue,
                _ => break,
            }
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
    let policy = RetryPolicy::default().with_max_attempts(10);
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
    let policy = RetryPolicy::default();
    let throttled = mean_delay(&policy, ErrorCode::RequestLimitExceeded.into(), 1, 2_000);
    let busy = mean_delay(&policy, ErrorCode::ServiceUnavailable.into(), 1, 2_000);
    assert!(throttled > busy, "{throttled:?} vs {busy:?}");
}

#[test]
fn the_quota_stops_retries_until_successes_refill_it() {
    let quota = Arc::new(RetryQuota::standard());
    let policy = RetryPolicy::default().with_quota(quota.clone());
    // An outage: every call fails with a safe code and is retried once.
    let mut retries = 0;
    while let Decision::RetryAfter(_) = policy.decide(ErrorCode::ServiceUnavailable, 1, false, 0.5)
    {
        retries += 1;
    }
    assert_eq!(
        retries,
        RetryQuota::STANDARD_CAPACITY / RetryQuota::RETRY_COST
    );
    assert_eq!(
        policy.decide(ErrorCode::ServiceUnavailable, 1, true, 0.5),
        Decision::Stop(Stop::QuotaExhausted)
    );
    // Advice comes first: a `never` code stops as `never`, quota or not.
    assert_eq!(
        policy.decide(ErrorCode::InvalidParameter, 1, true, 0.5),
        Decision::Stop(Stop::NotRetryable)
    );
    // First-time successes refill it, one token each: five pay a retry.
    for _ in 0..RetryQuota::RETRY_COST {
        policy.record_success(1);
    }
    assert!(matches!(
        policy.decide(ErrorCode::ServiceUnavailable, 1, true, 0.5),
        Decision::RetryAfter(_)
    ));
    assert_eq!(quota.available(), 0);
    // A retried success gives its retry back; never beyond the capacity.
    policy.record_success(2);
    assert_eq!(quota.available(), RetryQuota::RETRY_COST);
    for _ in 0..1_000 {
        policy.record_success(2);
    }
    assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY);
    // Clones share it.
    let clone = policy.clone();
    assert!(matches!(
        clone.decide(ErrorCode::ServiceUnavailable, 1, true, 0.5),
        Decision::RetryAfter(_)
    ));
    assert_eq!(
        quota.available(),
        RetryQuota::STANDARD_CAPACITY - RetryQuota::RETRY_COST
    );
}

#[test]
fn every_catalog_code_is_decided_by_its_advice() {
    let policy = RetryPolicy::default();
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
fn an_api_error_is_decided_by_what_the_catalog_knows_of_it() {
    let policy = RetryPolicy::default();
    let refined = ApiError::new("RequestLimitExceeded.SomethingNew", "", None);
    assert_eq!(
        Failure::from(&refined),
        Failure::from(ErrorCode::RequestLimitExceeded)
    );
    assert!(matches!(
        policy.decide(&refined, 1, false, 0.5),
        Decision::RetryAfter(_)
    ));
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
    let policy = RetryPolicy::default();
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
