//! Random-number streams keyed by entity: one named, portable generator and a stream per
//! (seed, replication, month, phase, entity).
//!
//! Every random draw of a run comes from a stream keyed by what is being simulated, never by the
//! thread that simulates it, so results are bit-identical whatever the thread count. Streams are
//! keyed down to the entity that draws (a firm, a local market, a worker by its stable id, a
//! policy by its name), so a change in one place perturbs only the draws of what it touches:
//! enrolling one more worker in training changes that worker's draws and whatever its changed
//! status touches, not the draws of every worker matched after it in the month.
//! Changing this file is a value-breaking change: the value-stability tests pin its outputs.

use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;

/// The engine's generator: Xoshiro256++, a named portable generator (rand 0.10 lists it among
/// its portable generators), seeded per stream by a SplitMix64 hash of the stream's key.
///
/// Why not ChaCha8 with `set_stream`, as before: entity-keyed streams are set up by the
/// hundred thousand a month (one per firm with separations, one per job seeker), and a ChaCha8
/// stream costs about 75 ns to set up (it fills a four-block buffer) against about 12 ns here;
/// draws are also about twice as fast (`../shared/ecosystem.md` §4). Distinct keys give
/// distinct seeds except with probability about k²/2^65 for k streams; a period of 2^256 − 1
/// makes overlap between the sequences of two seeds negligible at the lengths drawn here.
pub type SimRng = Xoshiro256PlusPlus;

/// The phase of the month a stream serves; its number is part of the stream key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Phase {
    /// Building the initial population.
    Init = 1,
    /// Firm adjustment (which workers a firm lays off): keyed by firm.
    Adjust = 2,
    /// Quits and dismissals: keyed by firm.
    Separations = 3,
    /// Retirement and exits from the labour force: keyed by local market.
    Demography = 4,
    /// Vacancy posting (the occupation of each vacancy): keyed by firm.
    Vacancies = 5,
    /// Aggregate matching: keyed by local market (entity [`MONTH_WIDE`] for the month's
    /// order of markets).
    Matching = 6,
    /// Policies' own draws: keyed by the policy's name ([`name_key`]).
    Policy = 7,
    /// A job seeker's applications: keyed by the worker's stable id.
    Applications = 8,
    /// A firm's screening of its applicants: keyed by firm.
    Screening = 9,
    /// An entrant's attributes: keyed by the entrant's stable id.
    Entry = 10,
    /// Worker-level choices of policies (take-up, completion): keyed by the worker's stable id
    /// and the policy ([`worker_draw`]).
    WorkerChoice = 11,
    /// Which employed workers search on the job this month: keyed by firm.
    OnTheJob = 12,
    /// Which commuters move to the region they work in: keyed by firm.
    Moves = 13,
    /// A displaced worker's matched control: keyed by the displaced worker's stable id.
    Controls = 14,
    /// How many young people enter the labour force in a region: keyed by region.
    EntryCount = 15,
    /// Discouraged exits (keyed by local market) and re-entry into the labour force (keyed by
    /// region, entity `REENTRY_BASE + region`).
    Participation = 16,
    /// Moves of job seekers between regions (who moves, and where): keyed by local market.
    Migration = 17,
}

/// The entity of a stream that serves a whole phase of a month rather than one entity.
pub const MONTH_WIDE: u64 = u64::MAX;

/// Entities of [`Phase::Participation`] streams from this one on are regions (re-entry); those
/// below are local markets (exits).
pub const REENTRY_BASE: u64 = 1 << 48;

/// SplitMix64 finaliser: mixes a 64-bit value into a well-spread one. Fixed forever.
pub fn mix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The 64-bit key of stream `(seed, replication, month index, phase, entity)`: the fields are
/// folded in one at a time through [`mix64`], so that every field changes every bit of the key.
pub fn stream_key(seed: u64, replication: u32, month_idx: u32, phase: Phase, entity: u64) -> u64 {
    key_in_run(run_key(seed, replication), month_idx, phase, entity)
}

/// The part of [`stream_key`] that depends on the run only.
#[inline]
fn run_key(seed: u64, replication: u32) -> u64 {
    mix64(seed ^ mix64(u64::from(replication)))
}

/// [`stream_key`] from the run's part.
#[inline]
fn key_in_run(run: u64, month_idx: u32, phase: Phase, entity: u64) -> u64 {
    let when = mix64(run ^ ((u64::from(month_idx) << 8) | phase as u64));
    mix64(when ^ mix64(entity))
}

/// The stream for `(seed, replication, month index, phase, entity)`.
///
/// `month_idx` counts months since the first simulated month (warm-up included); `entity` is
/// the firm, market or stable worker id the phase draws for ([`MONTH_WIDE`] for phase-wide draws).
#[inline]
pub fn stream(seed: u64, replication: u32, month_idx: u32, phase: Phase, entity: u64) -> SimRng {
    SimRng::seed_from_u64(stream_key(seed, replication, month_idx, phase, entity))
}

/// The streams of one month of one replication: [`stream`] with the run and the month fixed
/// (the run's part of the key is hashed once, since streams are set up per firm and seeker).
#[derive(Clone, Copy, Debug)]
pub struct MonthStreams {
    /// Month index since the first simulated month.
    pub month_idx: u32,
    run: u64,
}

impl MonthStreams {
    /// The streams of month `month_idx` of replication `replication` of seed `seed`.
    pub fn new(seed: u64, replication: u32, month_idx: u32) -> MonthStreams {
        MonthStreams {
            month_idx,
            run: run_key(seed, replication),
        }
    }

    /// The stream of `phase` for `entity` this month: the same as [`stream`].
    #[inline]
    pub fn of(&self, phase: Phase, entity: u64) -> SimRng {
        SimRng::seed_from_u64(key_in_run(self.run, self.month_idx, phase, entity))
    }
}

/// The entity key of a name (a policy's): FNV-1a of its UTF-8 bytes, mixed. Fixed forever, so a
/// policy keeps its stream when others are added, removed or reordered.
pub fn name_key(name: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix64(h)
}

/// A uniform draw in [0, 1) that belongs to one worker and one question: the same worker
/// (stable id `worker_id`) asked the same question (`question`, e.g. a policy's [`name_key`]
/// plus what is asked) in the same month gets the same number in every arm of a comparison,
/// whatever else differs. For take-up and completion decisions of policies.
pub fn worker_draw(
    seed: u64,
    replication: u32,
    month_idx: u32,
    worker_id: u64,
    question: u64,
) -> f64 {
    let key = stream_key(
        seed,
        replication,
        month_idx,
        Phase::WorkerChoice,
        worker_id ^ mix64(question),
    );
    // 53 random bits, as rand's `StandardUniform` for f64.
    (mix64(key) >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn mix64_is_pinned() {
        // Value stability: these numbers must never change, or old results stop reproducing.
        assert_eq!(mix64(0), 0xE220_A839_7B1D_CDAF);
        assert_eq!(mix64(42), 0xBDD7_3226_2FEB_6E95);
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: u64 = stream(7, 0, 3, Phase::Matching, 0).next_u64();
        let b: u64 = stream(7, 0, 3, Phase::Matching, 0).next_u64();
        let c: u64 = stream(7, 0, 4, Phase::Matching, 0).next_u64();
        let d: u64 = stream(7, 1, 3, Phase::Matching, 0).next_u64();
        let e: u64 = stream(7, 0, 3, Phase::Separations, 0).next_u64();
        let f: u64 = stream(7, 0, 3, Phase::Matching, 1).next_u64();
        assert_eq!(a, b);
        let all = [a, c, d, e, f];
        for (i, x) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|y| y != x), "streams collide");
        }
    }

    #[test]
    fn month_streams_are_the_streams() {
        let m = MonthStreams::new(7, 2, 5);
        let a: u64 = m.of(Phase::Screening, 99).next_u64();
        assert_eq!(a, stream(7, 2, 5, Phase::Screening, 99).next_u64());
    }

    #[test]
    fn worker_draws_depend_on_worker_and_question_only() {
        let u = worker_draw(7, 0, 3, 42, 9);
        assert_eq!(u, worker_draw(7, 0, 3, 42, 9));
        assert!((0.0..1.0).contains(&u));
        assert_ne!(u, worker_draw(7, 0, 3, 43, 9));
        assert_ne!(u, worker_draw(7, 0, 3, 42, 10));
        assert_ne!(u, worker_draw(7, 0, 4, 42, 9));
        // Roughly uniform.
        let n = 20_000;
        let mean: f64 = (0..n).map(|w| worker_draw(1, 0, 0, w, 0)).sum::<f64>() / n as f64;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        assert_ne!(name_key("short_time"), name_key("short_time_2"));
    }
}

/// Gaps between successes of independent Bernoulli(p) trials: the number of failures before
/// the next success, `floor(E / λ)` with `E` standard exponential and `λ = -ln(1 - p)` (the
/// inversion `floor(ln U / ln(1 - p))` with `E = -ln U`).
///
/// Why not `rand_distr::Geometric`: its exact Bringmann–Friedrich sampler took about 250
/// instructions a draw in the separation phase (measured with callgrind), the largest single
/// cost of a month. `E` comes from `rand_distr::Exp1` (a ziggurat, mostly a table look-up),
/// which is cheaper again than a logarithm per draw; the result is exact up to floating-point
/// rounding.
#[derive(Clone, Copy, Debug)]
pub struct Gaps {
    /// 1 / λ = -1 / ln(1 - p), positive; 0 when p = 1.
    inv_rate: f64,
}

impl Gaps {
    /// Gaps for success probability `p` in (0, 1]; `None` otherwise.
    pub fn new(p: f64) -> Option<Gaps> {
        if !(p > 0.0 && p <= 1.0) {
            return None;
        }
        let inv_rate = if p >= 1.0 { 0.0 } else { -1.0 / (-p).ln_1p() };
        Some(Gaps { inv_rate })
    }

    /// One gap, at most [`Gaps::LONGEST`].
    #[inline]
    pub fn sample(&self, rng: &mut SimRng) -> u64 {
        use rand_distr::{Distribution, Exp1};
        if self.inv_rate == 0.0 {
            return 0;
        }
        let e: f64 = Exp1.sample(rng);
        // Non-negative, so truncation is the floor; `f64::floor` is a library call on baseline
        // x86-64, and so is the exact float-to-u64 conversion: through i64 it is one
        // instruction. Longer gaps are capped (they pass any population just the same), so
        // that positions plus gaps never overflow.
        let x = e * self.inv_rate;
        if x < Self::LONGEST as f64 {
            x as i64 as u64
        } else {
            Self::LONGEST
        }
    }

    /// The longest gap drawn, 2^60: longer than any population, and short enough that a
    /// position below 2^62 plus one plus a gap still fits in a `u64`.
    pub const LONGEST: u64 = 1 << 60;
}

#[cfg(test)]
mod gap_tests {
    use super::*;

    #[test]
    fn gaps_have_the_geometric_mean_and_tail() {
        let mut rng = stream(1, 0, 0, Phase::Separations, 0);
        for p in [0.02, 0.3, 0.9] {
            let g = Gaps::new(p).unwrap();
            let n = 200_000;
            let draws: Vec<u64> = (0..n).map(|_| g.sample(&mut rng)).collect();
            let mean = draws.iter().sum::<u64>() as f64 / n as f64;
            let expected = (1.0 - p) / p;
            let sd = ((1.0 - p) / (p * p)).sqrt();
            assert!(
                (mean - expected).abs() < 5.0 * sd / (n as f64).sqrt(),
                "p={p}: mean {mean} vs {expected}"
            );
            // P(X = 0) = p.
            let zeros = draws.iter().filter(|&&x| x == 0).count() as f64 / n as f64;
            assert!(
                (zeros - p).abs() < 5.0 * (p * (1.0 - p) / n as f64).sqrt(),
                "p={p}: P(0) {zeros}"
            );
        }
        assert_eq!(Gaps::new(1.0).unwrap().sample(&mut rng), 0);
        // Gaps longer than any population are capped, so positions plus gaps cannot overflow.
        let rare = Gaps::new(1e-300).unwrap();
        assert!((0..100).all(|_| rare.sample(&mut rng) == Gaps::LONGEST));
        assert!(Gaps::new(0.0).is_none() && Gaps::new(1.5).is_none());
    }
}

#[cfg(test)]
mod value_stability {
    use super::*;
    use rand::Rng;

    /// Pins the first draws of a stream: a new rand version, or a change to
    /// `stream`, that alters them is a value-breaking change and must be made on purpose.
    #[test]
    fn first_draws_of_a_stream_are_pinned() {
        let mut rng = stream(42, 3, 7, Phase::Matching, 0);
        let draws: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(draws, PINNED);
        assert_eq!(name_key("short_time_work"), PINNED_NAME);
        assert_eq!(worker_draw(42, 3, 7, 11, 5).to_bits(), PINNED_WORKER_DRAW);
    }

    const PINNED_NAME: u64 = 12377203915067679242;
    const PINNED_WORKER_DRAW: u64 = 4606386360262684159;
    const PINNED: [u64; 3] = [
        12334382428677041588,
        5819124981569530617,
        10955729833679313410,
    ];
}
