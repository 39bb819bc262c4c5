//! Scheduled shocks of the month: closure announcements, closures (everyone left is laid off)
//! and technology switches.
//!
//! Reads: `params.closures`, `params.technology_switches`. Writes: firm status, technology
//! factor, group occupation mix; closures lay workers off through `Economy::separate_at`.

use crate::params::{GroupId, Params};
use crate::state::{Economy, FirmStatus};

/// Firms of `group` in index order (groups are contiguous).
fn group_firms(eco: &Economy, group: GroupId) -> Vec<usize> {
    (0..eco.firms.len())
        .filter(|&j| eco.firms.group[j] == group)
        .collect()
}

/// The firms a closure affects: the first `ceil(share × count)` of the group.
fn closing_firms(eco: &Economy, group: GroupId, share: f64) -> Vec<usize> {
    let firms = group_firms(eco, group);
    let n = (share * firms.len() as f64 - 1e-9).ceil().max(0.0) as usize;
    firms.into_iter().take(n).collect()
}

/// Applies the shocks scheduled for the current month.
pub fn apply(eco: &mut Economy, params: &Params) {
    let t = eco.month;
    for c in &params.closures {
        if c.announced == t {
            for j in closing_firms(eco, c.group, c.share) {
                if eco.firms.status[j] == FirmStatus::Active {
                    eco.firms.status[j] = FirmStatus::Noticed;
                }
            }
        }
        if c.closes == t {
            for j in closing_firms(eco, c.group, c.share) {
                while let Some(&w) = eco.firms.employees[j].last() {
                    let last = eco.firms.employees[j].len() as u32 - 1;
                    eco.separate_at(w, last, true);
                }
                eco.firms.status[j] = FirmStatus::Closed;
                eco.firms.short_time[j] = 0;
            }
        }
    }
    for s in &params.technology_switches {
        if s.month == t {
            for j in group_firms(eco, s.group) {
                eco.firms.tech_factor[j] *= s.labour_factor as f32;
            }
            if let Some(mix) = &s.occupation_mix {
                eco.group_mix[s.group as usize] = mix.clone();
            }
            eco.group_technology[s.group as usize] = s.technology.clone();
        }
    }
}
