//! Invariant checks of the whole state, by full recount: every worker in exactly one
//! consistent state, every counter equal to its recount, payrolls and pools consistent.
//!
//! O(workers + firms): for tests and debugging, never called by the monthly step.

use crate::state::{Economy, FirmStatus, NO_FIRM, Status};
use crate::wagebook::WageCell;

/// Checks every invariant; returns the first violation found.
pub fn check(eco: &Economy) -> Result<(), String> {
    let ws = &eco.workers;
    let mut counts = [0u64; 6];
    let n_regions = eco.region_unemployed.len();
    let mut unemployed = vec![0u64; n_regions];
    let mut long_term = vec![0u64; n_regions];
    let (mut last_wage, mut long_term_wage) = (0i128, 0i128);
    // Spells younger than the long-term threshold, by bucket (see `books::RecentSpells`).
    let months = crate::state::LONG_TERM_MONTHS as usize;
    let mut recent_count = vec![0u64; months * n_regions];
    let mut recent_wage = vec![0i128; months];
    let mut recent_since = vec![None; months];
    let mut training = vec![0u64; n_regions];
    let mut inactive = vec![0u64; n_regions];
    let mut cells = vec![WageCell::default(); eco.wage_cells.len()];
    let mut residents = vec![WageCell::default(); n_regions];
    for i in 0..ws.len() {
        let w = i as u32;
        let status = ws.rec[i].status;
        counts[status as usize] += 1;
        let region = ws.rec[i].region as usize;
        let employer = ws.rec[i].employer;
        let on_payroll = matches!(status, Status::Employed | Status::ShortTime)
            || (status == Status::Training && employer != NO_FIRM);
        if on_payroll {
            let j = employer as usize;
            if j >= eco.firms.len() {
                return Err(format!("worker {w} has employer {j} out of range"));
            }
            if ws.rec[i].slot != crate::state::NO_SLOT {
                return Err(format!("payroll worker {w} has a pool slot"));
            }
            let since = ws.rec[i].since;
            let capped = eco.month.since(since) >= eco.tenure_cap as i32;
            let c = eco.firm_cell(j);
            let wage = crate::state::booked_wage(ws.rec[i].wage, eco.firms.hours[j]);
            cells[c].add(wage, since.0, capped);
            residents[region].add(wage, since.0, capped);
        } else if employer != NO_FIRM {
            return Err(format!(
                "worker {w} in status {status:?} has employer {employer}"
            ));
        }
        match status {
            Status::Unemployed => {
                let m = eco.market(ws.rec[i].region, ws.rec[i].occupation);
                if eco.pools[m].get(ws.rec[i].slot as usize) != Some(w) {
                    return Err(format!(
                        "unemployed worker {w} is not at its slot in pool {m}"
                    ));
                }
                unemployed[region] += 1;
                last_wage += i128::from(ws.rec[i].wage);
                let since = ws.rec[i].since;
                if eco.month.since(since) >= crate::state::LONG_TERM_MONTHS {
                    long_term[region] += 1;
                    long_term_wage += i128::from(ws.rec[i].wage);
                } else {
                    let b = crate::state::RecentSpells::bucket(since);
                    recent_count[b * n_regions + region] += 1;
                    recent_wage[b] += i128::from(ws.rec[i].wage);
                    recent_since[b] = Some(since);
                }
            }
            Status::Training => {
                training[region] += 1;
                if !eco.trainee_spell.contains_key(&w) {
                    return Err(format!("trainee {w} has no training spell"));
                }
            }
            Status::Inactive => inactive[region] += 1,
            _ => {}
        }
    }
    if counts != eco.counts {
        return Err(format!(
            "status counts {:?} differ from recount {counts:?}",
            eco.counts
        ));
    }
    for (m, pool) in eco.pools.iter().enumerate() {
        pool.check().map_err(|e| format!("pool {m}: {e}"))?;
        let sum: u64 = pool
            .iter()
            .map(|w| u64::from(ws.rec[w as usize].intensity))
            .sum();
        let nonunit = pool
            .iter()
            .filter(|&w| ws.rec[w as usize].intensity != crate::state::UNIT_INTENSITY)
            .count();
        if sum != eco.pool_intensity[m] || nonunit as u32 != eco.pool_nonunit[m] {
            return Err(format!(
                "pool {m}: intensity sums or counts differ from their recount"
            ));
        }
    }
    let pooled: usize = eco.pools.iter().map(crate::pool::Pool::len).sum();
    if pooled as u64 != counts[Status::Unemployed as usize] {
        return Err(format!(
            "{pooled} workers in pools but {} unemployed",
            counts[Status::Unemployed as usize]
        ));
    }
    for (name, kept, recount) in [
        ("unemployed", &eco.region_unemployed, &unemployed),
        ("training", &eco.region_training, &training),
        ("inactive", &eco.region_inactive, &inactive),
    ] {
        if kept != recount {
            return Err(format!(
                "regional {name} counts {kept:?} differ from recount {recount:?}"
            ));
        }
    }
    if eco.region_long_term != long_term {
        return Err(format!(
            "long-term unemployed {:?} differ from recount {long_term:?}",
            eco.region_long_term
        ));
    }
    if (eco.unemployed_last_wage, eco.long_term_last_wage) != (last_wage, long_term_wage) {
        return Err(format!(
            "last-wage sums of the unemployed and long-term unemployed {:?} differ from \
             their recount {:?}",
            (eco.unemployed_last_wage, eco.long_term_last_wage),
            (last_wage, long_term_wage)
        ));
    }
    if eco.benefit_rules.enabled {
        check_benefits(eco)?;
    }
    let recent = &eco.recent;
    for b in 0..months {
        if recent.bucket_counts(b) != &recent_count[b * n_regions..(b + 1) * n_regions]
            || recent.wage[b] != recent_wage[b]
            || recent_since[b].is_some_and(|since| since != recent.since[b])
        {
            return Err(format!(
                "recent-spell bucket {b} (spells started {:?}) differs from its recount",
                recent.since[b]
            ));
        }
    }
    let mut payroll = 0u64;
    let mut cell_short_time = vec![0u64; eco.cell_short_time.len()];
    let mut listed = vec![false; ws.len()];
    for j in 0..eco.firms.len() {
        let list = &eco.firms.employees[j];
        payroll += list.len() as u64;
        let st = list
            .iter()
            .filter(|&&w| ws.rec[w as usize].status == Status::ShortTime)
            .count() as u32;
        let cell = eco.firms.region[j] as usize * eco.n_sectors + eco.firms.sector[j] as usize;
        if cell != eco.firm_cell(j) {
            return Err(format!("firm {j} is filed under cell {}", eco.firm_cell(j)));
        }
        cell_short_time[cell] += u64::from(st);
        if st != eco.firms.short_time[j] {
            return Err(format!(
                "firm {j} counts {} short-time workers, has {st}",
                eco.firms.short_time[j]
            ));
        }
        if st > 0 && eco.firms.short_time_holder[j] == 0 {
            return Err(format!(
                "firm {j} has {st} short-time workers and no policy holding its short-time work"
            ));
        }
        if eco.firms.status[j] == FirmStatus::Closed && !list.is_empty() {
            return Err(format!("closed firm {j} still has {} workers", list.len()));
        }
        for &w in list {
            if std::mem::replace(&mut listed[w as usize], true) {
                return Err(format!("worker {w} is listed twice on payrolls"));
            }
            if ws.rec[w as usize].employer != j as u32 {
                return Err(format!(
                    "firm {j} lists worker {w} whose employer is {}",
                    ws.rec[w as usize].employer
                ));
            }
        }
    }
    let employed_trainees = (0..ws.len())
        .filter(|&i| ws.rec[i].status == Status::Training && ws.rec[i].employer != NO_FIRM)
        .count() as u64;
    let expected =
        counts[Status::Employed as usize] + counts[Status::ShortTime as usize] + employed_trainees;
    if payroll != expected {
        return Err(format!(
            "payrolls hold {payroll} workers, statuses say {expected}"
        ));
    }
    if cell_short_time != eco.cell_short_time {
        return Err(format!(
            "short-time counts per cell {:?} differ from recount {cell_short_time:?}",
            eco.cell_short_time
        ));
    }
    if let Some(c) = (0..cells.len()).find(|&c| cells[c] != eco.wage_cells[c]) {
        return Err(format!(
            "wage sums of cell {c} {:?} differ from their recount {:?}",
            eco.wage_cells[c], cells[c]
        ));
    }
    if residents != eco.resident_wages {
        return Err("residents' wage sums differ from their recount".to_string());
    }
    check_notices(eco)?;
    check_events(eco)?;
    Ok(())
}

/// The month's event log against the month's flow counters: every hire and every separation
/// from a payroll logged once, with its reason; the hired on payrolls, the separated off them.
fn check_events(eco: &Economy) -> Result<(), String> {
    use crate::events::Exit;
    let log = &eco.events;
    if !log.enabled {
        return if log.hires.is_empty() && log.separations.is_empty() {
            Ok(())
        } else {
            Err("the event log is off but holds events".to_string())
        };
    }
    let f = &eco.flows;
    let by = |exit: Exit| log.separations_by(exit).count() as u64;
    let checks = [
        ("hires", log.hires.len() as u64, f.hires),
        ("quits", by(Exit::Quit), f.separations),
        (
            "layoffs and closures",
            by(Exit::Layoff) + by(Exit::Closure),
            f.layoffs,
        ),
        ("job changes", by(Exit::JobChange), f.job_to_job),
    ];
    for (what, logged, counted) in checks {
        if logged != counted {
            return Err(format!(
                "event log has {logged} {what}, flows count {counted}"
            ));
        }
    }
    let retired = by(Exit::Retirement);
    let from_jobs = f.retirements_from[Status::Employed as usize]
        + f.retirements_from[Status::ShortTime as usize];
    if retired < from_jobs || retired > from_jobs + f.retirements_from[Status::Training as usize] {
        return Err(format!(
            "event log has {retired} retirements from payrolls, flows say {from_jobs} (+ trainees)"
        ));
    }
    for e in &log.separations {
        if e.firm as usize >= eco.firms.len() || e.job_start > eco.month {
            return Err(format!("separation event {e:?} names no job"));
        }
    }
    Ok(())
}
/// Benefit recipients, basic-income recipients and the benefit sum against a recount over
/// the unemployed; every claim within its bounds.
fn check_benefits(eco: &Economy) -> Result<(), String> {
    let t = eco.month;
    let (mut recipients, mut basic, mut amount) = (0u64, 0u64, 0i128);
    let n_regions = eco.region_unemployed.len();
    let (mut region_basic, mut region_amount) = (vec![0u64; n_regions], vec![0i128; n_regions]);
    for (i, r) in eco.workers.rec.iter().enumerate() {
        let c = &eco.claims[i];
        if c.contribution > crate::benefits::FRAME_MONTHS as u8 {
            return Err(format!(
                "worker {i} has {} contribution months",
                c.contribution
            ));
        }
        if r.status != Status::Unemployed {
            continue;
        }
        if c.ends.since(r.since) > 24 + 24 {
            return Err(format!(
                "worker {i}'s claim runs to {} from {}",
                c.ends, r.since
            ));
        }
        if t < c.ends {
            recipients += 1;
            amount += i128::from(c.amount);
            region_amount[r.region as usize] += i128::from(c.amount);
        } else {
            basic += 1;
            region_basic[r.region as usize] += 1;
        }
    }
    if (&eco.benefits.region_basic, &eco.benefits.region_amount) != (&region_basic, &region_amount)
    {
        return Err(format!(
            "benefit books by region (basic income {:?}, benefit amounts {:?}) differ from their \
             recount ({region_basic:?}, {region_amount:?})",
            eco.benefits.region_basic, eco.benefits.region_amount
        ));
    }
    let kept = (
        eco.benefits.recipients,
        eco.benefits.basic,
        eco.benefits.amount,
    );
    if kept != (recipients, basic, amount) {
        return Err(format!(
            "benefit books (recipients, basic income, sum) {kept:?} differ from their recount {:?}",
            (recipients, basic, amount)
        ));
    }
    Ok(())
}

/// Notices counted per firm against the notices still scheduled; every notice in force is
/// scheduled.
fn check_notices(eco: &Economy) -> Result<(), String> {
    let mut on_notice = vec![0u32; eco.firms.len()];
    let now = eco.month.since(eco.start).max(0) as usize;
    let mut scheduled = std::collections::BTreeSet::new();
    // Checks of the current month have run (the agenda's current entry is empty).
    for due in eco.agenda.iter().skip(now) {
        for d in due {
            if let crate::state::Due::NoticeEnd {
                worker,
                firm,
                since,
            } = *d
            {
                on_notice[firm as usize] += 1;
                scheduled.insert((worker, firm, since));
            }
        }
    }
    if on_notice != eco.firms.on_notice {
        let j = (0..on_notice.len())
            .find(|&j| on_notice[j] != eco.firms.on_notice[j])
            .unwrap_or(0);
        return Err(format!(
            "notices of firm {j}: {} counted, {} scheduled",
            eco.firms.on_notice[j], on_notice[j]
        ));
    }
    for (&w, n) in &eco.notices {
        if eco.notice_of(w).is_some() && !scheduled.contains(&(w, n.firm, n.since)) {
            return Err(format!("worker {w}'s notice is not scheduled"));
        }
    }
    Ok(())
}
