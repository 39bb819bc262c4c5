//! Applications matching: job seekers apply to vacancies, firms choose among applicants.
//!
//! Each job seeker (unemployed, or under closure notice) sends about `applications_per_month`
//! applications, scaled by search intensity. An application goes to a market drawn in
//! proportion to search weight (accessibility × occupational similarity) × vacancies there,
//! with the weight of other regions scaled by the worker's mobility propensity (×2 at the
//! highest, ×0 at the lowest), and then to a vacancy of that market drawn uniformly.
//! A policy may widen a seeker's search (breadth `b` ≥ 1, a transformation or job security
//! council): other regions then weigh `b` times more, and a share `1 − 1/b` of its applications
//! goes to a vacancy of any occupation in the regions within reach (accessibility ×
//! vacancies), where it would otherwise follow occupational similarity.
//! A seeker applies only where the offer is acceptable to it. Reservation wages follow the
//! German rules on reasonable offers (SGB III § 140, calibration: K6) that the benefit
//! system enforces: in the first three months of a spell a gross wage of at least 80 % of the
//! wage the benefit is based on, 70 % in months four to six, then any job whose net pay
//! reaches the unemployment benefit; once only basic income is left (or there never was a
//! claim), any job whose net pay exceeds basic income. Workers under closure notice ask for
//! the first band's share of their current wage. Without benefit rules every offer is
//! acceptable.
//!
//! Within what the rules let them refuse, unemployed workers learn from the offers they see
//! (`matching.asking_adjustment`, `a`): a worker starts a spell asking for its last wage; each
//! month in which it turned down offers and is still unemployed, its asking wage moves a share
//! `a` of the way towards the best offer it turned down, and it then takes any offer at or
//! above its asking wage (declining reservation wages from learning about the offers there
//! are; the rules' bands and the end of the benefit lower what it may refuse over time). With
//! `matching.expected_offers` its asking wage is also at most the offer it can expect: the
//! mean wage level of the open vacancies it searches this month (each market weighted by the
//! search weight of the worker's market × its vacancies; the worker's own mobility and search
//! breadth are left out), at its skill (a displaced worker from a high-paying firm
//! knows that the pay within its reach is lower).
//!
//! Firms screen a limited number of applicants a month: a vacancy with `A` applicants screens
//! all of them up to its screening capacity `c` (`screening_per_vacancy`), and beyond it
//! `c (A / c)^α` of them (drawn uniformly), with `α` the matching elasticity: a firm flooded
//! with applications screens more of them, but less than proportionally (reason: recruiting
//! effort rises with the applicant pool; it gives the screened applicants, and so the
//! matches, an elasticity of `α` with respect to job seekers in congested markets, as the
//! aggregate matching function has, calibration: A6). A screened applicant is found suitable
//! with probability `suitability` (an interview,
//! a trial day, references: fit that neither side knows before). The vacancy is filled by the
//! best suitable screened applicant still available, ranked by expected productivity (log skill
//! after the occupational transfer loss, plus match-specific noise); vacancies are served in a
//! random order. A vacancy with no suitable applicant stays open into the next month, so
//! vacancies have a duration, and unemployment depends on how many applications seekers send
//! and how many firms can screen: it is an outcome of search, not of the number of jobs alone.
//!
//! A hiring subsidy makes a worker cheaper to the firms it pays at (`Levers::hiring_cost`):
//! those firms rank the worker's applications `−ln c` log points higher, with `c` the share of
//! the labour cost over their planning horizon they still bear, so a subsidised applicant
//! beats a slightly more productive unsubsidised one (reason: firms rank by expected
//! productivity per euro of labour cost; wages are proportional to productivity here, so the
//! subsidy is the only difference in cost).
//!
//! Randomness is keyed by entity: a seeker's applications come from the seeker's stream (its
//! stable id), a firm's screening and its place in the order from the firm's stream (firm and
//! occupation), so a change to one worker perturbs only the applications it sends and the
//! vacancies it competes for.
//!
//! Reads: pools, notice lists, vacancies, skills, wages. Writes: hires through `Economy::hire`.

use rand::RngExt;
use rand_distr::{Distribution, Normal};
use rayon::prelude::*;

use crate::params::Params;
use crate::phases::matching_aggregate::stochastic_round;
use crate::phases::network::{SearchNetwork, notice_searchers, on_the_job_searchers};
use crate::phases::vacancies::MarketVacancies;
use crate::prefetch::prefetch;
use crate::rng::{MonthStreams, Phase, SimRng};
use crate::state::{Economy, FirmStatus, SearchTally, Status, UNIT_INTENSITY, offered_wage};

/// Standard deviation of match-specific productivity, log points. Stated reason: breaks ties
/// between equally skilled applicants and lets fit vary by vacancy; small next to skill
/// dispersion (0.3–0.5 in the shipped scenarios).
pub const MATCH_NOISE_SD: f64 = 0.1;

/// How many seekers ahead the worker records are prefetched (enough to overlap a dozen
/// misses; the loop body is a few hundred cycles per seeker).
const PREFETCH_AHEAD: usize = 8;

/// What worker `w` accepts: a gross wage of at least `gross`, and a net pay of at least
/// `net` (cents per month).
#[derive(Clone, Copy, Debug)]
struct Reservation {
    gross: f64,
    net: f64,
    /// A gross wage the worker takes whatever the rules let it refuse: its own asking wage
    /// (infinite when it asks for all the rules allow).
    enough: f64,
}

impl Reservation {
    fn accepts(&self, rules: &crate::benefits::BenefitRules, offer: f64) -> bool {
        offer >= self.enough
            || (offer >= self.gross && (self.net <= 0.0 || rules.net_pay(offer) >= self.net))
    }
}

/// Whether payroll worker `w` is under notice (of a closure or of a layoff).
fn noticed_set(eco: &Economy, w: u32) -> bool {
    let r = &eco.workers.rec[w as usize];
    r.status != Status::Unemployed
        && (eco.firms.status[r.employer as usize] == FirmStatus::Noticed
            || eco.notice_of(w).is_some())
}

/// Worker `w`'s asking wage as a share of its last wage in its current spell (1 when it has
/// not lowered it).
fn asking_share(eco: &Economy, w: u32) -> f64 {
    match eco.asking.get(&w) {
        Some(&(spell, share)) if spell == eco.workers.rec[w as usize].since => f64::from(share),
        _ => 1.0,
    }
}

/// The reservation of worker `w` this month (see the module header), for a worker out of work
/// or under notice asking for `asking` × its last (or current) wage (1: all the rules let it
/// refuse).
fn reservation(eco: &Economy, w: u32, asking: f64) -> Reservation {
    let rules = &eco.benefit_rules;
    let i = w as usize;
    let r = &eco.workers.rec[i];
    if !rules.enabled {
        // Without benefit rules only on-the-job searchers ask for more than any offer.
        let on_job = r.status != Status::Unemployed
            && eco.firms.status[r.employer as usize] != FirmStatus::Noticed;
        let gross = if on_job {
            eco.current_wage(w) * (1.0 + eco.job_change_premium)
        } else {
            0.0
        };
        return Reservation {
            gross,
            net: 0.0,
            enough: f64::INFINITY,
        };
    }
    if r.status != Status::Unemployed {
        // On a payroll: under closure notice, the first band of reasonable offers; otherwise
        // (on-the-job search) a raise of at least the job-change premium.
        let noticed = eco.firms.status[r.employer as usize] == FirmStatus::Noticed
            || eco.notice_of(w).is_some();
        let share = if noticed {
            rules.reasonable_share_months_1_3 * rules.reservation_factor
        } else {
            1.0 + eco.job_change_premium
        };
        let current = eco.current_wage(w);
        return Reservation {
            gross: current * share,
            net: 0.0,
            // A worker under notice asks for its own asking wage, once below its pay.
            enough: if noticed && asking < 1.0 {
                current * asking
            } else {
                f64::INFINITY
            },
        };
    }
    let t = eco.month;
    let c = &eco.claims[i];
    let base = f64::from(r.wage);
    // The worker's own asking wage, once below its last wage.
    let enough = if asking < 1.0 {
        base * asking
    } else {
        f64::INFINITY
    };
    if t >= c.ends {
        return Reservation {
            gross: 0.0,
            net: f64::from(rules.basic_income_cents()),
            enough,
        };
    }
    // Months of the spell completed: 0-2 are its first three months.
    match t.since(r.since) {
        0..=2 => Reservation {
            gross: base * rules.reasonable_share_months_1_3 * rules.reservation_factor,
            net: 0.0,
            enough,
        },
        3..=5 => Reservation {
            gross: base * rules.reasonable_share_months_4_6 * rules.reservation_factor,
            net: 0.0,
            enough,
        },
        _ => Reservation {
            gross: 0.0,
            net: f64::from(c.amount),
            enough,
        },
    }
}

struct Targets {
    /// Per source: cumulative weights of same-region targets, and the markets.
    inside: Vec<(Vec<f64>, Vec<usize>)>,
    /// Per source: cumulative weights of other-region targets, and the markets.
    outside: Vec<(Vec<f64>, Vec<usize>)>,
}

/// Where seekers of each source market apply: weight × vacancies of each target market.
fn targets(net: &SearchNetwork, v_per_market: &[u64]) -> Targets {
    let n = net.n_markets;
    tables(
        n,
        net,
        |s| net.region[s],
        |s, m| net.weight[s * n + m] * v_per_market[m] as f64,
    )
}

/// A bit per worker row, set for `rows`.
fn bitset(n: usize, rows: impl Iterator<Item = u32>) -> Vec<u64> {
    let mut bits = vec![0u64; n.div_ceil(64)];
    for w in rows {
        bits[w as usize / 64] |= 1 << (w % 64);
    }
    bits
}

/// Whether row `w`'s bit is set.
#[inline(always)]
fn has(bits: &[u64], w: u32) -> bool {
    bits[w as usize / 64] & (1 << (w % 64)) != 0
}

/// Where a broad searcher of each region applies beyond its own occupations: accessibility ×
/// vacancies of each target market, whatever its occupation (source `r` is region `r`).
fn broad_targets(net: &SearchNetwork, params: &Params, v_per_market: &[u64]) -> Targets {
    let n_r = params.regions.len();
    tables(
        n_r,
        net,
        |r| r as u16,
        |r, m| params.accessibility[r * n_r + net.region[m] as usize] * v_per_market[m] as f64,
    )
}

fn tables(
    n_sources: usize,
    net: &SearchNetwork,
    source_region: impl Fn(usize) -> u16,
    weight: impl Fn(usize, usize) -> f64,
) -> Targets {
    let n = net.n_markets;
    let mut inside = Vec::with_capacity(n_sources);
    let mut outside = Vec::with_capacity(n_sources);
    for s in 0..n_sources {
        let (mut ci, mut mi, mut co, mut mo) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let (mut ai, mut ao) = (0.0, 0.0);
        for m in 0..n {
            let w = weight(s, m);
            if w <= 0.0 {
                continue;
            }
            if net.region[m] == source_region(s) {
                ai += w;
                ci.push(ai);
                mi.push(m);
            } else {
                ao += w;
                co.push(ao);
                mo.push(m);
            }
        }
        inside.push((ci, mi));
        outside.push((co, mo));
    }
    Targets { inside, outside }
}

fn draw(table: &(Vec<f64>, Vec<usize>), rng: &mut SimRng) -> usize {
    let total = *table.0.last().expect("non-empty table");
    let u = rng.random::<f64>() * total;
    let k = table.0.partition_point(|&c| c <= u).min(table.1.len() - 1);
    table.1[k]
}

/// Runs applications matching for the month.
pub fn run(
    eco: &mut Economy,
    params: &Params,
    net: &SearchNetwork,
    vacancies: &[MarketVacancies],
    streams: &MonthStreams,
) {
    let n = net.n_markets;
    // One slot per open position: (firm, occupation, wage level).
    let mut slots: Vec<Slot> = Vec::new();
    let mut market_slots: Vec<std::ops::Range<usize>> = Vec::with_capacity(n);
    for vac in vacancies {
        let first = slots.len();
        for &(firm, occ, count) in vac {
            let level = eco.firms.wage_level[firm as usize];
            slots.extend(std::iter::repeat_n((firm, occ, level), count as usize));
        }
        market_slots.push(first..slots.len());
    }
    if slots.is_empty() {
        return;
    }
    for tally in eco.search_watch.values_mut() {
        *tally = SearchTally::default();
    }
    let (apps, tallies, turned_down) =
        applications(eco, params, net, &slots, &market_slots, streams);
    for (w, tally) in tallies {
        if let Some(t) = eco.search_watch.get_mut(&w) {
            *t = tally;
        }
    }
    let channel: Vec<bool> = if params.matching.screening_employed > 0.0 {
        apps.iter().map(|a| a.3).collect()
    } else {
        Vec::new()
    };
    let picks = screen(params, &slots, &apps, &channel, streams);
    let t = eco.month;
    for pick in picks {
        let (firm, occ, _) = slots[pick.slot as usize];
        for &k in &pick.candidates {
            let w = apps[k as usize].2;
            let i = w as usize;
            let available = match eco.workers.rec[i].status {
                Status::Unemployed => true,
                // Only searchers applied: under notice, or on the job this month; a worker
                // hired this month does not move again.
                Status::Employed | Status::ShortTime => eco.workers.rec[i].since != t,
                _ => false,
            };
            if available {
                eco.hire(w, firm as usize, occ);
                break;
            }
        }
    }
    lower_asking_wages(eco, params, &turned_down);
}

/// Unemployed workers who turned down offers this month and are still unemployed move their
/// asking wage a share `asking_adjustment` of the way towards the best offer they turned down
/// (as a share of their last wage); entries of workers no longer in the spell they were set in
/// are dropped.
fn lower_asking_wages(eco: &mut Economy, params: &Params, turned_down: &[TurnedDown]) {
    let lambda = params.matching.asking_adjustment;
    if lambda <= 0.0 {
        return;
    }
    let recs = &eco.workers.rec;
    eco.asking.retain(|&w, &mut (spell, _)| {
        let r = &recs[w as usize];
        r.status != Status::Retired && r.status != Status::Inactive && r.since == spell
    });
    for &(w, best, share, status, since) in turned_down {
        let r = eco.workers.rec[w as usize];
        if r.status != status || r.since != since {
            continue; // Hired (or otherwise moved on) this month.
        }
        let reference = match r.status {
            Status::Unemployed => f64::from(r.wage),
            // Still under notice, in the job it searched from.
            Status::Employed | Status::ShortTime => eco.current_wage(w),
            _ => 0.0,
        };
        if reference <= 0.0 {
            continue;
        }
        let offered = best / reference;
        if offered < share {
            let lowered = share - lambda * (share - offered);
            eco.asking.insert(w, (r.since, lowered as f32));
        }
    }
}

/// One open position: (firm, occupation, the firm's wage level), the level kept with the
/// position so that an application reads one place, not two.
type Slot = (u32, u16, f32);

/// One application: (slot, score, worker, whether the worker applies from a job it is not
/// losing: employed, not under notice, at a firm not under closure notice).
type Application = (u32, f32, u32, bool);

/// Whether payroll or pool worker `w` searches from a job it is not losing (the employed
/// applicants that firms may screen apart).
fn from_a_safe_job(eco: &Economy, w: u32) -> bool {
    let r = &eco.workers.rec[w as usize];
    r.status != Status::Unemployed
        && eco.firms.status[r.employer as usize] != FirmStatus::Noticed
        && eco.notice_of(w).is_none()
}

/// What the seekers did this month: their applications, the tallies of watched seekers, and
/// each unemployed seeker's best offer turned down with the asking share it used.
type Applied = (Vec<Application>, Vec<(u32, SearchTally)>, Vec<TurnedDown>);

/// A seeker who turned down offers: worker, best offer turned down, the asking share it used,
/// and its status and spell (or job) start when it searched.
type TurnedDown = (u32, f64, f64, Status, crate::Month);

/// The month's applications `(slot, score, worker)`, sorted by slot, best score first (ties by
/// worker index), the tallies of the watched workers among the seekers, and each unemployed
/// seeker's best offer turned down (when asking wages adjust).
fn applications(
    eco: &Economy,
    params: &Params,
    net: &SearchNetwork,
    slots: &[Slot],
    market_slots: &[std::ops::Range<usize>],
    streams: &MonthStreams,
) -> Applied {
    // The mean wage level of each market's open vacancies (0 without any), for the offers an
    // unemployed worker can expect there.
    let expected_levels = params.matching.expected_offers.then(|| {
        // Per market: the sum of its open vacancies' wage levels; then per source market the
        // mean over the markets its seekers search, weighted by search weight × vacancies.
        let sums: Vec<f64> = market_slots
            .iter()
            .map(|range| {
                slots[range.clone()]
                    .iter()
                    .map(|&(_, _, level)| f64::from(level))
                    .sum::<f64>()
            })
            .collect();
        let n = net.n_markets;
        (0..n)
            .map(|s| {
                let (mut level, mut weight) = (0.0, 0.0);
                for m in 0..n {
                    let w = net.weight[s * n + m];
                    if w > 0.0 {
                        level += w * sums[m];
                        weight += w * market_slots[m].len() as f64;
                    }
                }
                if weight > 0.0 { level / weight } else { 0.0 }
            })
            .collect::<Vec<f64>>()
    });
    let watching = !eco.search_watch.is_empty();
    let n = net.n_markets;
    let v_per_market: Vec<u64> = market_slots.iter().map(|r| r.len() as u64).collect();
    let table = targets(net, &v_per_market);
    let nu = params.matching.notice_search_intensity;
    let notice = if nu > 0.0 {
        notice_searchers(eco)
    } else {
        vec![Vec::new(); n]
    };
    let on_job = on_the_job_searchers(eco, params.matching.on_the_job_search, streams);
    let on_job_intensity = params.matching.on_the_job_intensity;
    // Broad searchers (a policy widened their search): their extra applications go to any
    // occupation of the regions within reach.
    let broad = (!eco.levers.breadth.is_empty()).then(|| broad_targets(net, params, &v_per_market));
    // Which workers have a breadth factor, and which are watched (a bit each): the maps are
    // looked up only for them, not for every seeker.
    let widened = broad
        .is_some()
        .then(|| bitset(eco.workers.len(), eco.levers.breadth.entities()));
    let watched = watching.then(|| bitset(eco.workers.len(), eco.search_watch.keys().copied()));
    // Workers a mobility grant lets reach further into other regions (a bit each).
    let reaching = (!eco.levers.reach.is_empty())
        .then(|| bitset(eco.workers.len(), eco.levers.reach.entities()));
    // Workers a hiring subsidy makes cheaper to some firms (a bit each).
    let subsidised = (!eco.levers.hiring_cost.is_empty())
        .then(|| bitset(eco.workers.len(), eco.levers.hiring_cost.entities()));
    // Every seeker of the month with its market and search scale: the unemployed of each
    // market's pool, those under notice, and the on-the-job searchers.
    let mut seekers: Vec<(u32, u32, f64)> = Vec::new();
    for (s, noticed) in notice.iter().enumerate() {
        if total(&table.inside[s]) + total(&table.outside[s]) <= 0.0 && broad.is_none() {
            continue;
        }
        let m = s as u32;
        seekers.extend(
            eco.pools[s]
                .iter()
                .map(|w| (w, m, 1.0))
                .chain(noticed.iter().map(|&w| (w, m, nu)))
                .chain(on_job[s].iter().map(|&w| (w, m, on_job_intensity))),
        );
    }
    let search = Search {
        eco,
        net,
        slots,
        market_slots,
        streams,
        table,
        broad,
        widened,
        watched,
        reaching,
        subsidised,
        expected_levels,
        nu,
        noise: Normal::new(0.0, MATCH_NOISE_SD).expect("valid sd"),
        on_job_amenity: params.matching.amenity_dispersion > 0.0,
        amenity: Normal::new(0.0, params.matching.amenity_dispersion).expect("valid sd"),
        loss: params.wages.occupation_change_loss,
        per_seeker: params.matching.applications_per_month,
        adjusting: params.matching.asking_adjustment > 0.0,
        apart: params.matching.screening_employed > 0.0,
    };
    // Seekers search in parallel, a chunk each: each draws from its own stream and reads the
    // economy only, and the applications are ranked in a total order afterwards, so the result
    // is the same for any number of threads or chunks.
    let parts: Vec<Sent> = seekers
        .par_chunks(SEEKERS_PER_TASK)
        .map(|chunk| {
            let mut sent = Sent::default();
            let mut factors: Vec<(u16, f32)> = Vec::new();
            for (j, &(w, s, scale)) in chunk.iter().enumerate() {
                // The seekers are scattered over the worker arrays: start loading the record,
                // id and claim of one a few places ahead, so that the misses overlap (a hint
                // only).
                if let Some(&(ahead, _, _)) = chunk.get(j + PREFETCH_AHEAD) {
                    prefetch(&eco.workers.rec[ahead as usize]);
                    prefetch(&eco.workers.id[ahead as usize]);
                    // Without benefit rules there are no claims.
                    if let Some(claim) = eco.claims.get(ahead as usize) {
                        prefetch(claim);
                    }
                }
                search.seek(w, s as usize, scale, &mut factors, &mut sent);
            }
            sent
        })
        .collect();
    let mut all = Sent::default();
    for part in parts {
        all.apps.extend(part.apps);
        all.tallies.extend(part.tallies);
        all.turned_down.extend(part.turned_down);
    }
    (rank(all.apps, slots.len()), all.tallies, all.turned_down)
}

/// Seekers a parallel task takes (reason: large enough that a task's overhead is small against
/// its few milliseconds of work, small enough that two to dozens of threads share a month).
const SEEKERS_PER_TASK: usize = 8192;

fn total(t: &(Vec<f64>, Vec<usize>)) -> f64 {
    t.0.last().copied().unwrap_or(0.0)
}

/// What a chunk of seekers sent: applications, the tallies of watched seekers, and the
/// unemployed seekers' best offers turned down.
#[derive(Default)]
struct Sent {
    apps: Vec<Application>,
    tallies: Vec<(u32, SearchTally)>,
    turned_down: Vec<TurnedDown>,
}

/// What every seeker's search reads this month.
struct Search<'a> {
    eco: &'a Economy,
    net: &'a SearchNetwork,
    slots: &'a [Slot],
    market_slots: &'a [std::ops::Range<usize>],
    streams: &'a MonthStreams,
    table: Targets,
    broad: Option<Targets>,
    widened: Option<Vec<u64>>,
    watched: Option<Vec<u64>>,
    reaching: Option<Vec<u64>>,
    subsidised: Option<Vec<u64>>,
    expected_levels: Option<Vec<f64>>,
    nu: f64,
    noise: Normal<f64>,
    on_job_amenity: bool,
    amenity: Normal<f64>,
    loss: f64,
    per_seeker: f64,
    adjusting: bool,
    apart: bool,
}

impl Search<'_> {
    /// Worker `w` of market `s` searches at scale `scale`: its applications, tally and best
    /// offer turned down go to `sent`.
    fn seek(&self, w: u32, s: usize, scale: f64, factors: &mut Vec<(u16, f32)>, sent: &mut Sent) {
        let Search {
            eco,
            net,
            slots,
            market_slots,
            streams,
            ref table,
            ref broad,
            ref widened,
            ref watched,
            ref reaching,
            ref subsidised,
            ref expected_levels,
            nu,
            ref noise,
            on_job_amenity,
            ref amenity,
            loss,
            per_seeker,
            adjusting,
            apart,
        } = *self;
        let (inside_total, outside_total) = (total(&table.inside[s]), total(&table.outside[s]));
        let i = w as usize;
        let breadth = match widened {
            Some(bits) if has(bits, w) => eco.search_breadth(w),
            _ => 1.0,
        };
        if inside_total + outside_total <= 0.0 && breadth <= 1.0 {
            return;
        }
        let rng = &mut streams.of(Phase::Applications, eco.workers.id[i]);
        let intensity = f64::from(eco.workers.rec[i].intensity) / f64::from(UNIT_INTENSITY);
        let k = stochastic_round(per_seeker * intensity * scale, rng);
        // Breadth b: other regions weigh b times more, and a share 1 − 1/b of the
        // applications goes to any occupation (the broad tables of the seeker's region).
        let reach = match reaching {
            Some(bits) if has(bits, w) => eco.search_reach(w),
            _ => 1.0,
        };
        let mobility = 2.0 * f64::from(eco.workers.rec[i].mobility) / 255.0 * breadth * reach;
        let broad_share = 1.0 - 1.0 / breadth;
        let region = eco.workers.rec[i].region as usize;
        let out_w = outside_total * mobility;
        if inside_total + out_w <= 0.0 && breadth <= 1.0 {
            return;
        }
        let unemployed = eco.workers.rec[i].status == Status::Unemployed;
        // Workers out of work and workers under notice have an asking wage of their own;
        // on-the-job searchers ask for a raise.
        let own_asking = unemployed || (nu > 0.0 && scale == nu && noticed_set(eco, w));
        let asking = if own_asking {
            let learned = asking_share(eco, w);
            let reference = if unemployed {
                f64::from(eco.workers.rec[i].wage)
            } else {
                eco.current_wage(w)
            };
            match expected_levels {
                Some(levels) if levels[s] > 0.0 && reference > 0.0 => {
                    let skill = eco.workers.rec[i].skill;
                    let expected = f64::from(offered_wage(levels[s] as f32, skill));
                    learned.min(expected / reference)
                }
                _ => learned,
            }
        } else {
            1.0
        };
        let reservation = reservation(eco, w, asking);
        let safe_job = apart && from_a_safe_job(eco, w);
        // The applicant's hiring-cost factors, looked up once for all applications.
        factors.clear();
        if subsidised.as_ref().is_some_and(|bits| has(bits, w)) {
            factors.extend(eco.levers.hiring_cost.each(w, eco.workers.rec[i].since.0));
        }
        let cheaper = !factors.is_empty();
        let mut tally =
            (watched.as_ref().is_some_and(|bits| has(bits, w))).then(SearchTally::default);
        let mut best_turned_down = 0.0f64;
        for _ in 0..k {
            let (inside, outside) = match broad {
                Some(b) if broad_share > 0.0 && rng.random::<f64>() < broad_share => {
                    (&b.inside[region], &b.outside[region])
                }
                _ => (&table.inside[s], &table.outside[s]),
            };
            let (in_w, out_w) = (total(inside), total(outside) * mobility);
            if in_w + out_w <= 0.0 {
                continue;
            }
            let go_out = out_w > 0.0 && rng.random::<f64>() * (in_w + out_w) >= in_w;
            let m = if go_out {
                draw(outside, rng)
            } else {
                draw(inside, rng)
            };
            let range = market_slots[m].clone();
            let slot = rng.random_range(range);
            let (firm, occ, level) = slots[slot];
            // A vacancy at its own employer is no job change: a worker on a payroll
            // skips it (after the same draws, so nobody else's draws move).
            if firm == eco.workers.rec[i].employer {
                continue;
            }
            if let Some(t) = tally.as_mut() {
                t.applications += 1;
                t.other_occupation += u32::from(occ != eco.workers.rec[i].occupation);
                t.other_region += u32::from(net.region[m] != eco.workers.rec[i].region);
            }
            let sim = eco.similarity(eco.workers.rec[i].occupation, occ);
            let skill_there = f64::from(eco.workers.rec[i].skill) - loss * (1.0 - sim);
            let offer = f64::from(offered_wage(level, skill_there as f32));
            // An on-the-job searcher weighs what else the job offers (the work, the
            // commute, the hours, the team) against its current job's: one draw per
            // offer, only for on-the-job searchers, so nobody else's draws change.
            let valued = if on_job_amenity && !unemployed && !own_asking {
                offer * (amenity.sample(rng)).exp()
            } else {
                offer
            };
            if !reservation.accepts(&eco.benefit_rules, valued) {
                best_turned_down = best_turned_down.max(offer);
                continue;
            }
            let mut score = skill_there + noise.sample(rng);
            if cheaper {
                score += eco.levers.hiring_bonus_of(factors, firm);
            }
            sent.apps.push((slot as u32, score as f32, w, safe_job));
        }
        if let Some(t) = tally {
            sent.tallies.push((w, t));
        }
        if adjusting && best_turned_down > 0.0 && own_asking {
            let r = &eco.workers.rec[i];
            sent.turned_down
                .push((w, best_turned_down, asking, r.status, r.since));
        }
    }
}

/// The applications ordered by slot and, within a slot, best score first, ties by worker
/// index (a total order, so the result does not depend on the order they were sent in).
/// Slots are dense indices: the applications are bucketed by slot (a counting sort), and only
/// each slot's few are compared.
fn rank(apps: Vec<Application>, n_slots: usize) -> Vec<Application> {
    let mut start = vec![0usize; n_slots + 1];
    for a in &apps {
        start[a.0 as usize + 1] += 1;
    }
    for k in 0..n_slots {
        start[k + 1] += start[k];
    }
    let mut next = start.clone();
    let mut ranked = vec![(0, 0.0, 0, false); apps.len()];
    for a in apps {
        let at = &mut next[a.0 as usize];
        ranked[*at] = a;
        *at += 1;
    }
    // Each vacancy's applications are sorted on their own, the vacancies in parallel.
    ranked
        .par_chunk_by_mut(|a, b| a.0 == b.0)
        .for_each(|group| group.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2))));
    ranked
}

/// A vacancy's screening result: its suitable applicants (indices into the applications), best
/// first, and its place in the month's order.
struct Pick {
    priority: u64,
    slot: u32,
    candidates: Vec<u32>,
}

/// Screens every vacancy's applicants and returns the vacancies with a suitable applicant, in
/// the order they hire. Draws of a firm's vacancies for one occupation come from one stream.
fn screen(
    params: &Params,
    slots: &[Slot],
    apps: &[Application],
    employed: &[bool],
    streams: &MonthStreams,
) -> Vec<Pick> {
    // Parallel chunks of about `APPS_PER_TASK` applications, cut only where the (firm,
    // occupation) changes: there the screening stream starts afresh anyway, so each chunk
    // draws what one pass would, and the picks are put in hiring order afterwards.
    let key = |k: usize| {
        let (firm, occ, _) = slots[apps[k].0 as usize];
        (firm, occ)
    };
    let mut bounds = vec![0];
    let mut k = APPS_PER_TASK;
    while k < apps.len() {
        while k < apps.len() && key(k) == key(k - 1) {
            k += 1;
        }
        if k < apps.len() {
            bounds.push(k);
        }
        k += APPS_PER_TASK;
    }
    bounds.push(apps.len());
    let mut picks: Vec<Pick> = bounds
        .par_windows(2)
        .flat_map_iter(|b| screen_range(params, slots, apps, employed, streams, b[0]..b[1]))
        .collect();
    picks.sort_unstable_by_key(|p| (p.priority, p.slot));
    picks
}

/// Applications a parallel task of screening takes (reason: a few milliseconds of work).
const APPS_PER_TASK: usize = 16_384;

/// Screens the vacancies of applications `range` (whole vacancies, starting at a change of
/// firm or occupation) and returns those with a suitable applicant.
fn screen_range(
    params: &Params,
    slots: &[Slot],
    apps: &[Application],
    employed: &[bool],
    streams: &MonthStreams,
    range: std::ops::Range<usize>,
) -> Vec<Pick> {
    let alpha = params.matching.elasticity;
    let suitability = params.matching.suitability;
    let mut picks = Vec::new();
    let mut current: Option<((u32, u16), SimRng)> = None;
    let mut order: Vec<u32> = Vec::new();
    let mut screened_all: Vec<u32> = Vec::new();
    let mut k = range.start;
    while k < range.end {
        let slot = apps[k].0;
        let first = k;
        while k < range.end && apps[k].0 == slot {
            k += 1;
        }
        let (firm, occ, _) = slots[slot as usize];
        let key = (firm, occ);
        if current.as_ref().is_none_or(|(c, _)| *c != key) {
            let entity = (u64::from(key.0) << 16) | u64::from(key.1);
            current = Some((key, streams.of(Phase::Screening, entity)));
        }
        let rng = &mut current.as_mut().expect("set above").1;
        let priority: u64 = rng.random();
        // One pool of applicants, or (with employed applicants screened apart) the
        // unemployed and those under notice first, then the employed, each up to its own
        // capacity.
        screened_all.clear();
        let channels: &[(bool, f64)] = if employed.is_empty() {
            &[(false, params.matching.screening_per_vacancy)]
        } else {
            &[
                (false, params.matching.screening_per_vacancy),
                (true, params.matching.screening_employed),
            ]
        };
        for &(of_employed, capacity) in channels {
            order.clear();
            order.extend(
                (first as u32..k as u32)
                    .filter(|&a| employed.is_empty() || employed[a as usize] == of_employed),
            );
            let applicants = order.len() as f64;
            let screened = if applicants <= capacity {
                order.len()
            } else {
                stochastic_round(capacity * (applicants / capacity).powf(alpha), rng) as usize
            };
            // Which applicants are screened: all, or a uniform subset (partial Fisher–Yates
            // on their positions), kept in rank order.
            if order.len() > screened {
                for q in 0..screened {
                    let r = rng.random_range(q..order.len());
                    order.swap(q, r);
                }
                order.truncate(screened);
            }
            screened_all.extend_from_slice(&order);
        }
        screened_all.sort_unstable();
        let candidates: Vec<u32> = screened_all
            .iter()
            .copied()
            .filter(|_| rng.random_bool(suitability))
            .collect();
        if !candidates.is_empty() {
            picks.push(Pick {
                priority,
                slot,
                candidates,
            });
        }
    }
    picks
}
