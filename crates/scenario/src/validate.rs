//! From the merged document to validated engine parameters: every key read with its type,
//! unit and range, every name reference resolved, every cross-field rule checked, and every
//! problem collected. The defaults written here are documented, with sources, in
//! `docs/scenario-reference.md` and `docs/model.md`.

use std::collections::BTreeMap;

use wandel_engine::Month;
use wandel_engine::params::{
    Closure, Demography, FirmGroup, Matching, MatchingMode, OccupationId, Params, Population,
    Sector, SizeDist, SupplyLink, TechnologySwitch, Wages,
};
use wandel_engine::path::Path;

use crate::reader::{Range, Reader, Table};
use crate::source::Origin;
use crate::tree::{Node, Value};

/// The scenario format version this build reads.
pub const FORMAT: i64 = 1;

/// Most jobs a firm group may ever need (a guard against typos, far above any real region).
pub const MAX_JOBS: f64 = 1e8;

/// What validation produces besides the engine parameters.
pub struct Validated {
    /// Engine parameters.
    pub params: Params,
    /// Scenario name.
    pub name: String,
    /// Free-text description.
    pub description: String,
    /// Number of replications.
    pub replications: u32,
}

/// Names declared in a section, for resolving references.
struct Names {
    what: &'static str,
    section: &'static str,
    index: BTreeMap<String, u16>,
}

impl Names {
    fn new(what: &'static str, section: &'static str, names: &[String]) -> Names {
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u16))
            .collect();
        Names {
            what,
            section,
            index,
        }
    }

    fn resolve(&self, rd: &mut Reader<'_>, name: &str, origin: Origin, key: &str) -> Option<u16> {
        if let Some(&i) = self.index.get(name) {
            return Some(i);
        }
        let mut list: Vec<&str> = self.index.keys().map(String::as_str).collect();
        list.sort_unstable();
        rd.error(
            origin,
            key,
            format!(
                "unknown {} \"{name}\": define it under [[{}]] first (defined: {})",
                self.what,
                self.section,
                if list.is_empty() {
                    "none".to_string()
                } else {
                    list.join(", ")
                }
            ),
        );
        None
    }
}

fn origin_of(t: &Table<'_>, node: Option<&Node>) -> Origin {
    node.map_or(t.origin(), |n| n.origin)
}

/// Validates the whole document.
pub fn validate(rd: &mut Reader<'_>, root: &Node) -> Option<Validated> {
    let mut top = Table::new(Some(root), String::new());
    let format_node = root.get("format").cloned();
    let format = rd.integer(&mut top, "format", None, 1, i64::MAX);
    if format != FORMAT && format_node.is_some() {
        rd.error(
            format_node.map_or(Origin::Nowhere, |n| n.origin),
            "format",
            format!("this version of wandel reads scenario format {FORMAT}, got {format}"),
        );
    }
    // `extends` was resolved by the loader; accept the key here.
    let _ = rd.raw(&mut top, "extends");

    // [simulation]
    let mut sim = rd.table(&mut top, "simulation");
    let name = rd.name(&mut sim, "name");
    let description = rd.string(&mut sim, "description", Some(""));
    let start = rd.month(&mut sim, "start").map(|m| m.0);
    let months = rd.integer(&mut sim, "months", None, 1, 1200) as u32;
    let warmup_months = rd.integer(&mut sim, "warmup_months", Some(0), 0, 600) as u32;
    let seed = rd.integer(&mut sim, "seed", Some(1), 0, i64::MAX) as u64;
    let replications = rd.integer(&mut sim, "replications", Some(1), 1, 10_000) as u32;
    let cohort_horizon = rd.integer(&mut sim, "cohort_horizon", Some(36), 1, 240) as u32;
    rd.finish(sim);
    let start = start.unwrap_or(Month::from_ym(2025, 1));
    let end = start.plus(months as i32);

    // [matching]
    let mut m = rd.table(&mut top, "matching");
    let mode = match rd
        .choice(
            &mut m,
            "mode",
            "applications",
            &["aggregate", "applications"],
        )
        .as_str()
    {
        "aggregate" => MatchingMode::Aggregate,
        _ => MatchingMode::Applications,
    };
    let matching = Matching {
        mode,
        efficiency: rd.number(&mut m, "efficiency", Some(0.3), Range::Positive),
        elasticity: rd.number(&mut m, "elasticity", Some(0.5), Range::OpenUnit),
        applications_per_month: rd.number(
            &mut m,
            "applications_per_month",
            Some(2.0),
            Range::Between(0.0, 100.0),
        ),
        screening_per_vacancy: rd.number(
            &mut m,
            "screening_per_vacancy",
            Some(4.0),
            Range::Between(0.0, 1000.0),
        ),
        suitability: rd.number(&mut m, "suitability", Some(0.057), Range::Unit),
        reservation_start: rd.number(
            &mut m,
            "reservation_start",
            Some(0.85),
            Range::Between(0.0, 2.0),
        ),
        reservation_decline: rd.number(&mut m, "reservation_decline", Some(0.02), Range::Unit),
        reservation_floor: rd.number(
            &mut m,
            "reservation_floor",
            Some(0.6),
            Range::Between(0.0, 2.0),
        ),
        notice_search_intensity: rd.number(
            &mut m,
            "notice_search_intensity",
            Some(0.5),
            Range::Between(0.0, 7.9),
        ),
    };
    rd.finish(m);
    if matching.reservation_floor > matching.reservation_start {
        rd.error(
            root.get("matching")
                .and_then(|n| n.get("reservation_floor"))
                .map_or(Origin::Nowhere, |n| n.origin),
            "matching.reservation_floor",
            format!(
                "must not exceed matching.reservation_start ({}), got {}",
                matching.reservation_start, matching.reservation_floor
            ),
        );
    }

    // [[regions]], [[occupations]]
    let regions = read_names(rd, &mut top, "regions", "region");
    let occupations = read_names(rd, &mut top, "occupations", "occupation");
    let region_names = Names::new("region", "regions", &regions);
    let occupation_names = Names::new("occupation", "occupations", &occupations);
    let accessibility = read_pairs(rd, &mut top, "accessibility", &region_names, regions.len());
    let similarity = read_pairs(
        rd,
        &mut top,
        "similarity",
        &occupation_names,
        occupations.len(),
    );

    // [[sectors]]
    let mut sectors = Vec::new();
    for mut s in rd.tables(&mut top, "sectors") {
        let sector_name = rd.name(&mut s, "name");
        // Indices relative to the base: demand may fall to 0; productivity must stay positive
        // (labour demand is demand / productivity). The upper bound catches typos (100 for 1.00).
        let demand = read_path(rd, &mut s, "demand", (start, end), (0.0, 100.0));
        let productivity = read_path(rd, &mut s, "productivity", (start, end), (0.01, 100.0));
        sectors.push(Sector {
            name: sector_name,
            demand,
            productivity,
            separation_rate: rd.number(&mut s, "separation_rate", Some(0.006), Range::Unit),
            layoff_speed: rd.number(&mut s, "layoff_speed", Some(0.5), Range::Unit),
        });
        rd.finish(s);
    }
    if sectors.is_empty() && root.get("sectors").is_none() {
        rd.error(
            root.origin,
            "sectors",
            "at least one [[sectors]] table is required",
        );
    }
    check_unique(
        rd,
        root,
        "sectors",
        sectors.iter().map(|s| s.name.clone()).collect(),
    );
    let sector_names = Names::new(
        "sector",
        "sectors",
        &sectors.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
    );

    // [[firms]]
    let mut groups = Vec::new();
    for mut f in rd.tables(&mut top, "firms") {
        let path = f.path.clone();
        let group_name = rd.name(&mut f, "name");
        let count = rd.integer(&mut f, "count", Some(1), 1, 10_000_000) as u32;
        let sector_node = f.node_get("sector");
        let sector_name = rd.string(&mut f, "sector", None);
        let sector = sector_names.resolve(
            rd,
            &sector_name,
            origin_of(&f, sector_node),
            &format!("{path}.sector"),
        );
        let region_node = f.node_get("region");
        let region_name = rd.string(&mut f, "region", None);
        let region = region_names.resolve(
            rd,
            &region_name,
            origin_of(&f, region_node),
            &format!("{path}.region"),
        );
        let size = read_size(rd, &mut f);
        let mix = read_mix(rd, &mut f, "occupations", &occupation_names, true);
        groups.push(FirmGroup {
            name: group_name,
            count,
            sector: sector.unwrap_or(0),
            region: region.unwrap_or(0),
            size,
            occupation_mix: mix.unwrap_or_default(),
            wage: rd.number(&mut f, "wage", Some(3500.0), Range::Positive),
            technology: rd.string(&mut f, "technology", Some("standard")),
            works_council_share: rd.number(&mut f, "works_council_share", Some(0.0), Range::Unit),
        });
        rd.finish(f);
    }
    if groups.is_empty() && root.get("firms").is_none() {
        rd.error(
            root.origin,
            "firms",
            "at least one [[firms]] table is required",
        );
    }
    check_unique(
        rd,
        root,
        "firms",
        groups.iter().map(|g| g.name.clone()).collect(),
    );
    let group_names = Names::new(
        "firm group",
        "firms",
        &groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>(),
    );

    // [workers]
    let mut w = rd.table(&mut top, "workers");
    let count_present = w.has("count");
    let count = rd.integer(&mut w, "count", Some(1), 1, 200_000_000);
    let initial_unemployment = rd.number(
        &mut w,
        "initial_unemployment",
        Some(0.05),
        Range::Between(0.0, 0.95),
    );
    let age_min = rd.integer(&mut w, "age_min", Some(20), 14, 80) as u32;
    let age_max = rd.integer(&mut w, "age_max", Some(67), 15, 90) as u32;
    let skill_sd = rd.number(&mut w, "skill_sd", Some(0.35), Range::Between(0.0, 3.0));
    let learning = read_propensity(rd, &mut w, "learning_propensity");
    let mobility = read_propensity(rd, &mut w, "mobility_propensity");
    let age_max_origin = root
        .get("workers")
        .and_then(|n| n.get("age_max"))
        .map_or(Origin::Nowhere, |n| n.origin);
    rd.finish(w);
    if age_max <= age_min {
        rd.error(
            age_max_origin,
            "workers.age_max",
            format!("must be greater than workers.age_min ({age_min}), got {age_max}"),
        );
    }

    // [demography]
    let mut d = rd.table(&mut top, "demography");
    let retirement = rd.boolean(&mut d, "retirement", true);
    let pension_age = rd.integer(&mut d, "pension_age", Some(67), 40, 90) as u32;
    let pension_origin = root
        .get("demography")
        .and_then(|n| n.get("pension_age"))
        .map_or(Origin::Nowhere, |n| n.origin);
    let demography = Demography {
        pension_age: retirement.then_some(pension_age),
        entry_age: rd.integer(&mut d, "entry_age", Some(20), 14, 40) as u32,
        entry_per_retirement: rd.number(
            &mut d,
            "entry_per_retirement",
            Some(1.0),
            Range::Between(0.0, 10.0),
        ),
        older_age: rd.integer(&mut d, "older_age", Some(55), 30, 90) as u32,
        older_exit_rate: rd.number(&mut d, "older_exit_rate", Some(0.005), Range::Unit),
    };
    rd.finish(d);
    if retirement && age_max > pension_age {
        rd.error(
            if matches!(age_max_origin, Origin::Nowhere) { pension_origin } else { age_max_origin },
            "workers.age_max",
            format!("initial workers must be younger than demography.pension_age ({pension_age}): age_max is {age_max}"),
        );
    }

    // [wages]
    let mut wg = rd.table(&mut top, "wages");
    let wages = Wages {
        tenure_return: rd.number(
            &mut wg,
            "tenure_return",
            Some(0.002),
            Range::Between(0.0, 0.1),
        ),
        tenure_cap_months: rd.integer(&mut wg, "tenure_cap_months", Some(120), 0, 600) as u32,
        occupation_change_loss: rd.number(
            &mut wg,
            "occupation_change_loss",
            Some(0.15),
            Range::Between(0.0, 2.0),
        ),
    };
    rd.finish(wg);

    // [institutions]
    let mut inst = rd.table(&mut top, "institutions");
    let works_council_layoff_factor = rd.number(
        &mut inst,
        "works_council_layoff_factor",
        Some(0.5),
        Range::Unit,
    );
    rd.finish(inst);

    // [shocks]
    let mut shocks = rd.table(&mut top, "shocks");
    let mut closures = Vec::new();
    for mut c in rd.tables(&mut shocks, "closure") {
        let path = c.path.clone();
        let group = read_group(rd, &mut c, &group_names, &path);
        let share = rd.number(&mut c, "share", Some(1.0), Range::Between(1e-9, 1.0));
        let announced = rd.month(&mut c, "announced");
        let closes = rd.month(&mut c, "closes");
        if let Some((a, origin)) = announced {
            check_in_run(rd, a, origin, &format!("{path}.announced"), start, end);
        }
        if let Some((cl, origin)) = closes {
            check_in_run(rd, cl, origin, &format!("{path}.closes"), start, end);
            if let Some((a, _)) = announced {
                if cl < a {
                    rd.error(
                        origin,
                        &format!("{path}.closes"),
                        format!("closure ({cl}) must not come before its announcement ({a})"),
                    );
                }
            }
        }
        if let (Some(g), Some((a, _)), Some((cl, _))) = (group, announced, closes) {
            closures.push(Closure {
                group: g,
                share,
                announced: a,
                closes: cl,
            });
        }
        rd.finish(c);
    }
    let mut switches = Vec::new();
    for mut s in rd.tables(&mut shocks, "technology_switch") {
        let path = s.path.clone();
        let group = read_group(rd, &mut s, &group_names, &path);
        let month = rd.month(&mut s, "month");
        if let Some((mo, origin)) = month {
            check_in_run(rd, mo, origin, &format!("{path}.month"), start, end);
        }
        let technology = rd.string(&mut s, "technology", None);
        let labour_factor = rd.number(
            &mut s,
            "labour_factor",
            Some(1.0),
            Range::Between(1e-6, 100.0),
        );
        let mix = if s.has("occupations") {
            read_mix(rd, &mut s, "occupations", &occupation_names, true)
        } else {
            let _ = rd.raw(&mut s, "occupations");
            None
        };
        if let (Some(g), Some((mo, _))) = (group, month) {
            switches.push(TechnologySwitch {
                group: g,
                month: mo,
                technology,
                labour_factor,
                occupation_mix: mix,
            });
        }
        rd.finish(s);
    }
    let mut links = Vec::new();
    for mut l in rd.tables(&mut shocks, "supply_chain") {
        let path = l.path.clone();
        let customer_node = l.node_get("customer");
        let customer = rd.string(&mut l, "customer", None);
        let customer = sector_names.resolve(
            rd,
            &customer,
            origin_of(&l, customer_node),
            &format!("{path}.customer"),
        );
        let supplier_node = l.node_get("supplier");
        let supplier = rd.string(&mut l, "supplier", None);
        let supplier_origin = origin_of(&l, supplier_node);
        let supplier =
            sector_names.resolve(rd, &supplier, supplier_origin, &format!("{path}.supplier"));
        let dependence = rd.number(&mut l, "dependence", None, Range::Unit);
        if let (Some(c), Some(s)) = (customer, supplier) {
            if c == s {
                rd.error(
                    supplier_origin,
                    &format!("{path}.supplier"),
                    "a sector cannot supply itself: supplier must differ from customer",
                );
            }
            links.push(SupplyLink {
                customer: c,
                supplier: s,
                dependence,
            });
        }
        rd.finish(l);
    }
    rd.finish(shocks);

    // [policies]: reserved for the policy kinds.
    let policies = rd.table(&mut top, "policies");
    if let Some(Node {
        value: Value::Table(entries),
        ..
    }) = root.get("policies")
    {
        for e in entries {
            rd.error(
                e.key_origin,
                &format!("policies.{}", e.key),
                "no policy kinds are available in this version yet: leave [policies] empty (policies are tables keyed by kind, e.g. [policies.short_time_work])",
            );
        }
    }
    drop(policies);
    rd.finish(top);

    if !rd.diagnostics.is_empty() {
        return None;
    }
    // The economy needs jobs at the start, or there is nobody to simulate.
    let jobs: f64 = groups
        .iter()
        .map(|g| {
            let s = &sectors[g.sector as usize];
            let size = match g.size {
                SizeDist::Fixed(n) => f64::from(n),
                SizeDist::LogNormal { mean, .. } => mean,
            };
            f64::from(g.count) * size * s.demand.at(start) / s.productivity.at(start).max(1e-12)
        })
        .sum();
    if jobs < 1.0 {
        rd.error(root.get("firms").map_or(root.origin, |n| n.origin), "firms", format!("the firms offer no jobs at the start ({start}): check sizes and the sectors' demand paths"));
        return None;
    }
    // A bound on what any group can ever need, so that a typo cannot ask for billions of jobs.
    for (i, g) in groups.iter().enumerate() {
        let s = &sectors[g.sector as usize];
        let max_demand = s.demand.points().iter().map(|p| p.1).fold(0.0, f64::max);
        let min_productivity = s
            .productivity
            .points()
            .iter()
            .map(|p| p.1)
            .fold(f64::INFINITY, f64::min);
        let growth: f64 = switches
            .iter()
            .filter(|sw| sw.group as usize == i)
            .map(|sw| sw.labour_factor.max(1.0))
            .product();
        let size = match g.size {
            SizeDist::Fixed(n) => f64::from(n),
            SizeDist::LogNormal { mean, .. } => mean,
        };
        let peak = f64::from(g.count) * size * max_demand / min_productivity * growth;
        if peak > MAX_JOBS {
            let origin = match root.get("firms").map(|n| &n.value) {
                Some(Value::Array(items)) => items.get(i).map_or(Origin::Nowhere, |n| n.origin),
                _ => Origin::Nowhere,
            };
            rd.error(
                origin,
                &format!("firms.{i}"),
                format!(
                    "this group could need up to {peak:.3e} workers (count × size × highest demand / lowest productivity × technology factors); at most {MAX_JOBS:.0e} are allowed"
                ),
            );
        }
    }
    if !rd.diagnostics.is_empty() {
        return None;
    }
    let params = Params {
        start,
        months,
        warmup_months,
        seed,
        regions,
        accessibility,
        occupations,
        similarity,
        sectors,
        firm_groups: groups,
        population: Population {
            count: count_present.then_some(count as u32),
            initial_unemployment,
            age_min,
            age_max,
            skill_sd,
            learning,
            mobility,
        },
        demography,
        wages,
        matching,
        closures,
        technology_switches: switches,
        supply_links: links,
        cohort_horizon,
        works_council_layoff_factor,
    };
    rd.diagnostics.is_empty().then_some(Validated {
        params,
        name,
        description,
        replications,
    })
}

fn read_names(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    key: &'static str,
    what: &str,
) -> Vec<String> {
    let mut names = Vec::new();
    let mut origins = Vec::new();
    for mut t in rd.tables(top, key) {
        origins.push(t.node_get("name").map_or(t.origin(), |n| n.origin));
        names.push(rd.name(&mut t, "name"));
        rd.finish(t);
    }
    if names.is_empty() {
        rd.error(
            Origin::Nowhere,
            key,
            format!("at least one [[{key}]] table with a {what} name is required"),
        );
    }
    for i in 0..names.len() {
        if names[..i].contains(&names[i]) {
            rd.error(
                origins[i],
                &format!("{key}.{i}.name"),
                format!(
                    "duplicate {what} name \"{}\": names must be unique",
                    names[i]
                ),
            );
        }
    }
    names
}

fn check_unique(rd: &mut Reader<'_>, root: &Node, key: &str, names: Vec<String>) {
    for i in 0..names.len() {
        if names[..i].contains(&names[i]) {
            let origin = match root.get(key).map(|n| &n.value) {
                Some(Value::Array(items)) => items
                    .get(i)
                    .and_then(|t| t.get("name"))
                    .map_or(Origin::Nowhere, |n| n.origin),
                _ => Origin::Nowhere,
            };
            rd.error(
                origin,
                &format!("{key}.{i}.name"),
                format!("duplicate name \"{}\": names must be unique", names[i]),
            );
        }
    }
}

/// `[[accessibility]]` / `[[similarity]]`: pairs `from`, `to`, `value`, `both_ways` (default
/// true); the diagonal is 1 and unlisted pairs are 0.
fn read_pairs(
    rd: &mut Reader<'_>,
    top: &mut Table<'_>,
    key: &'static str,
    names: &Names,
    n: usize,
) -> Vec<f64> {
    let mut matrix = vec![0.0; n * n];
    for i in 0..n {
        matrix[i * n + i] = 1.0;
    }
    for mut t in rd.tables(top, key) {
        let path = t.path.clone();
        let from_node = t.node_get("from");
        let to_node = t.node_get("to");
        let from = rd.string(&mut t, "from", None);
        let to = rd.string(&mut t, "to", None);
        let from = names.resolve(rd, &from, origin_of(&t, from_node), &format!("{path}.from"));
        let to = names.resolve(rd, &to, origin_of(&t, to_node), &format!("{path}.to"));
        let value = rd.number(&mut t, "value", None, Range::Unit);
        let both = rd.boolean(&mut t, "both_ways", true);
        if let (Some(a), Some(b)) = (from, to) {
            let (a, b) = (a as usize, b as usize);
            if a == b {
                rd.error(
                    origin_of(&t, to_node),
                    &format!("{path}.to"),
                    "the diagonal is always 1: `from` and `to` must differ",
                );
            }
            matrix[a * n + b] = value;
            if both {
                matrix[b * n + a] = value;
            }
        }
        rd.finish(t);
    }
    matrix
}

/// A piecewise-linear path: `[["YYYY-MM", value], ...]`, or a single number for a constant.
fn read_path(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    key: &'static str,
    (start, end): (Month, Month),
    (lo, hi): (f64, f64),
) -> Path {
    let path = format!("{}.{key}", t.path);
    let in_range = |x: f64| x.is_finite() && x >= lo && x <= hi;
    let Some(node) = rd.raw(t, key) else {
        return Path::constant(1.0);
    };
    let what = format!(
        "a number in [{lo}, {hi}], or a list of [\"YYYY-MM\", value] points in increasing month order"
    );
    match &node.value {
        Value::Int(i) if in_range(*i as f64) => Path::constant(*i as f64),
        Value::Float(f) if in_range(*f) => Path::constant(*f),
        Value::Array(points) if !points.is_empty() => {
            let mut out = Vec::new();
            for (i, p) in points.iter().enumerate() {
                let pp = format!("{path}.{i}");
                let Value::Array(pair) = &p.value else {
                    rd.error(
                        p.origin,
                        &pp,
                        format!(
                            "expected a [\"YYYY-MM\", value] pair, found {}",
                            p.value.type_name()
                        ),
                    );
                    continue;
                };
                if pair.len() != 2 {
                    rd.error(
                        p.origin,
                        &pp,
                        format!(
                            "expected a [\"YYYY-MM\", value] pair, found {} elements",
                            pair.len()
                        ),
                    );
                    continue;
                }
                let month = rd.month_value(&pair[0], &pp);
                let value = match pair[1].value {
                    Value::Int(i) => i as f64,
                    Value::Float(f) => f,
                    _ => f64::NAN,
                };
                if !in_range(value) {
                    rd.error(
                        pair[1].origin,
                        &pp,
                        format!(
                            "the value of a path point must be a number in [{lo}, {hi}], got {}",
                            describe(&pair[1].value)
                        ),
                    );
                    continue;
                }
                if let Some(m) = month {
                    if m < start.plus(-1200) || m > end.plus(1200) {
                        rd.error(
                            pair[0].origin,
                            &pp,
                            format!("month {m} is implausibly far from the run ({start} to {end})"),
                        );
                    }
                    if let Some(&(prev, _)) = out.last() {
                        if m <= prev {
                            rd.error(
                                pair[0].origin,
                                &pp,
                                format!("months must increase: {m} does not come after {prev}"),
                            );
                            continue;
                        }
                    }
                    out.push((m, value));
                }
            }
            Path::new(out).unwrap_or_else(|| Path::constant(1.0))
        }
        _ => {
            rd.error(
                node.origin,
                &path,
                format!("expected {what}, found {}", describe(&node.value)),
            );
            Path::constant(1.0)
        }
    }
}

/// `size = 3000` (every firm the same) or `size = { mean = 40, sd = 60 }` (log-normal).
fn read_size(rd: &mut Reader<'_>, t: &mut Table<'_>) -> SizeDist {
    let path = format!("{}.size", t.path);
    let what =
        "a whole number of workers ≥ 1, or { mean = …, sd = … } for a log-normal distribution";
    match rd.raw(t, "size") {
        None => {
            rd.error(
                t.origin(),
                &path,
                format!("missing required key in `{}`: expected {what}", t.path),
            );
            SizeDist::Fixed(1)
        }
        Some(Node {
            value: Value::Int(n),
            ..
        }) if *n >= 1 && *n <= 10_000_000 => SizeDist::Fixed(*n as u32),
        Some(
            node @ Node {
                value: Value::Table(_),
                ..
            },
        ) => {
            let mut s = Table::new(Some(node), path.clone());
            let mean = rd.number(&mut s, "mean", None, Range::Between(1.0, 1e7));
            let sd = rd.number(&mut s, "sd", None, Range::Between(0.0, 1e7));
            rd.finish(s);
            SizeDist::LogNormal { mean, sd }
        }
        Some(node) => {
            let found = match node.value {
                Value::Int(n) => format!("{n}"),
                _ => node.value.type_name().to_string(),
            };
            rd.error(
                node.origin,
                &path,
                format!("expected {what}, found {found}"),
            );
            SizeDist::Fixed(1)
        }
    }
}

/// An occupation mix `{ name = share, … }`: known occupations, positive shares summing to 1.
fn read_mix(
    rd: &mut Reader<'_>,
    t: &mut Table<'_>,
    key: &'static str,
    names: &Names,
    required: bool,
) -> Option<Vec<(OccupationId, f64)>> {
    let path = format!("{}.{key}", t.path);
    let origin = t.origin();
    let Some(node) = rd.raw(t, key) else {
        if required {
            rd.error(origin, &path, format!("missing required key in `{}`: expected an occupation mix {{ occupation = share, … }}", t.path));
        }
        return None;
    };
    let Value::Table(entries) = &node.value else {
        rd.error(
            node.origin,
            &path,
            format!(
                "expected an occupation mix {{ occupation = share, … }}, found {}",
                node.value.type_name()
            ),
        );
        return None;
    };
    let mut mix = Vec::new();
    let mut ok = true;
    for e in entries {
        let ep = format!("{path}.{}", e.key);
        let share = match e.node.value {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            _ => f64::NAN,
        };
        if !(share > 0.0 && share <= 1.0) {
            rd.error(
                e.node.origin,
                &ep,
                format!(
                    "an occupation share must be a number in (0, 1], got {}",
                    describe(&e.node.value)
                ),
            );
            ok = false;
        }
        match names.resolve(rd, &e.key, e.key_origin, &ep) {
            Some(o) => mix.push((o, share)),
            None => ok = false,
        }
    }
    let total: f64 = mix.iter().map(|m| m.1).sum();
    if ok && (mix.is_empty() || (total - 1.0).abs() > 1e-6) {
        rd.error(
            node.origin,
            &path,
            format!("occupation shares must sum to 1, they sum to {total:.6}"),
        );
        ok = false;
    }
    ok.then_some(mix)
}

fn describe(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        other => other.type_name().to_string(),
    }
}

/// `{ mean = …, sd = … }` of a propensity on [0, 1] (Beta distributed).
fn read_propensity(rd: &mut Reader<'_>, t: &mut Table<'_>, key: &'static str) -> (f64, f64) {
    let mut p = rd.table(t, key);
    let origin = p.origin();
    let path = p.path.clone();
    let mean = rd.number(&mut p, "mean", Some(0.5), Range::OpenUnit);
    let sd = rd.number(&mut p, "sd", Some(0.2), Range::NonNegative);
    rd.finish(p);
    if sd * sd >= mean * (1.0 - mean) {
        rd.error(
            origin,
            &format!("{path}.sd"),
            format!(
                "a Beta distribution with mean {mean} needs sd < {:.4}, got {sd}",
                (mean * (1.0 - mean)).sqrt()
            ),
        );
    }
    (mean, sd)
}

fn read_group(rd: &mut Reader<'_>, t: &mut Table<'_>, groups: &Names, path: &str) -> Option<u16> {
    let node = t.node_get("firms");
    let name = rd.string(t, "firms", None);
    if name.is_empty() {
        return None;
    }
    groups.resolve(rd, &name, origin_of(t, node), &format!("{path}.firms"))
}

fn check_in_run(
    rd: &mut Reader<'_>,
    m: Month,
    origin: Origin,
    key: &str,
    start: Month,
    end: Month,
) {
    if m < start || m >= end {
        rd.error(
            origin,
            key,
            format!("month {m} is outside the run ({start} to {})", end.plus(-1)),
        );
    }
}
