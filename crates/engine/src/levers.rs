//! Composable levers: the factors by which policies scale a firm's target headcount, its hours,
//! a market's matching efficiency or a worker's search intensity and breadth, and the shares of
//! a worker's firm-specific skill they make portable.
//!
//! Each policy sets its own factor for an entity; the engine uses the product of all policies'
//! factors, so two policies acting on the same firm compose (a hiring subsidy's ×1.05 and a
//! working-time reduction's ×1.1 give ×1.155) instead of the later one overwriting the earlier.
//! A factor of 1 removes the policy's entry. Factors for a worker carry the start of the spell
//! they were set in (a tag): when the worker's spell changes (a hire), older entries no longer
//! count, so a counselling boost ends with the spell it was given for.

use std::collections::{BTreeMap, HashMap};

/// One policy's factor for an entity: (policy slot, factor, tag).
type Factor = (u16, f32, i32);

/// One lever: each policy's factor per entity.
///
/// A hash map from entity to its few factors, kept in slot order, so that a lookup on the hot
/// paths (an applicant's hiring cost, a searcher's breadth, a protected worker in a layoff) is
/// one probe rather than the descent of an ordered tree, and products multiply in slot order
/// whatever the order the factors were set in.
#[derive(Clone, Debug, Default)]
pub struct FactorTable {
    /// entity → its policies' factors, in slot order (never empty).
    entries: HashMap<u32, Vec<Factor>>,
}

impl FactorTable {
    /// Sets policy `policy`'s factor for `entity` under `tag` and returns the product of every
    /// policy's factor for `entity` with the same tag (entries with another tag are dropped).
    pub fn set(&mut self, entity: u32, policy: u16, factor: f32, tag: i32) -> f64 {
        let factors = self.entries.entry(entity).or_default();
        match factors.binary_search_by_key(&policy, |f| f.0) {
            Ok(i) if factor == 1.0 => {
                factors.remove(i);
            }
            Ok(i) => factors[i] = (policy, factor, tag),
            Err(_) if factor == 1.0 => {}
            Err(i) => factors.insert(i, (policy, factor, tag)),
        }
        factors.retain(|f| f.2 == tag);
        if factors.is_empty() {
            self.entries.remove(&entity);
            return 1.0;
        }
        self.product(entity, tag)
    }

    /// The factors set for `entity` (any tag), in slot order.
    fn factors(&self, entity: u32) -> &[Factor] {
        self.entries.get(&entity).map_or(&[], Vec::as_slice)
    }

    /// The product of the factors set for `entity` under `tag` (1 when none).
    pub fn product(&self, entity: u32, tag: i32) -> f64 {
        self.factors(entity)
            .iter()
            .filter(|f| f.2 == tag)
            .map(|f| f64::from(f.1))
            .product()
    }

    /// The entities some policy has set a factor for (each once, in no particular order).
    pub fn entities(&self) -> impl Iterator<Item = u32> + '_ {
        self.entries.keys().copied()
    }

    /// Each policy's factor for `entity` under `tag`: (policy slot, factor), in slot order.
    pub fn each(&self, entity: u32, tag: i32) -> impl Iterator<Item = (u16, f32)> + '_ {
        self.factors(entity)
            .iter()
            .filter(move |f| f.2 == tag)
            .map(|f| (f.0, f.1))
    }

    /// True when no policy has set a factor.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Policy `policy`'s own factor for `entity` (1 when it set none).
    pub fn of(&self, entity: u32, policy: u16) -> f64 {
        self.factors(entity)
            .iter()
            .find(|f| f.0 == policy)
            .map_or(1.0, |f| f64::from(f.1))
    }
}

/// Every lever of the run.
#[derive(Clone, Debug, Default)]
pub struct Levers {
    /// Firms' target headcount.
    pub target: FactorTable,
    /// Firms' normal hours.
    pub hours: FactorTable,
    /// Markets' matching efficiency (aggregate matching).
    pub efficiency: FactorTable,
    /// Workers' search intensity (tag: start of the worker's current spell).
    pub intensity: FactorTable,
    /// Workers' search breadth (tag: start of the worker's current spell; applications
    /// matching).
    pub breadth: FactorTable,
    /// Workers' search reach into other regions: other regions weigh this many times more
    /// in their applications (tag: start of the worker's current spell; applications
    /// matching). Unlike breadth it does not widen the occupations searched.
    pub reach: FactorTable,
    /// Workers' labour cost to a hiring firm that a policy subsidises, as a share of the
    /// unsubsidised cost over the firm's planning horizon (tag: start of the worker's current
    /// spell; applications matching ranks by it at the firms of [`Levers::hiring_firms`]).
    pub hiring_cost: FactorTable,
    /// The firms each policy's hiring cost applies at: policy slot → one bit per firm.
    pub hiring_firms: BTreeMap<u16, Vec<u64>>,
    /// Workers a policy's retention requirement protects from layoffs (tag: start of the
    /// job it protects; any factor other than 1 protects).
    pub retained: FactorTable,
    /// The share of the firm-specific skill a worker builds in its current job that each
    /// policy makes portable, stored as the share *not* made portable (tag: start of the
    /// job): policies combine as independent certifications, portable = 1 − Π (1 − share).
    pub portable: FactorTable,
}

impl Levers {
    /// Whether firm `firm` is one of the firms of policy slot `slot`'s hiring cost.
    pub fn hires_at(&self, slot: u16, firm: u32) -> bool {
        self.hiring_firms.get(&slot).is_some_and(|bits| {
            bits.get((firm / 64) as usize)
                .is_some_and(|b| b & (1 << (firm % 64)) != 0)
        })
    }

    /// The log-points bonus with which firm `firm` ranks applicant `w` whose spell started
    /// in `since`: `−ln c` for the product `c` of the hiring-cost factors of the policies
    /// whose firms include `firm` (0 when none applies).
    pub fn hiring_bonus(&self, w: u32, since: i32, firm: u32) -> f64 {
        let factors: Vec<(u16, f32)> = self.hiring_cost.each(w, since).collect();
        self.hiring_bonus_of(&factors, firm)
    }

    /// [`Levers::hiring_bonus`] from the applicant's factors, looked up once per applicant
    /// (`hiring_cost.each(w, since)`) rather than once per application.
    pub fn hiring_bonus_of(&self, factors: &[(u16, f32)], firm: u32) -> f64 {
        let mut cost = 1.0f64;
        for &(slot, factor) in factors {
            if self.hires_at(slot, firm) {
                cost *= f64::from(factor);
            }
        }
        -cost.max(1e-6).ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors_compose_and_reset() {
        let mut t = FactorTable::default();
        assert_eq!(t.set(3, 0, 1.05, 0), 1.05f32 as f64);
        let both = t.set(3, 1, 1.1, 0);
        assert!((both - 1.05 * 1.1).abs() < 1e-6, "{both}");
        // Another entity is untouched.
        assert_eq!(t.product(4, 0), 1.0);
        // Setting 1 removes a policy's factor; the other stays.
        assert!((t.set(3, 0, 1.0, 0) - 1.1).abs() < 1e-6);
        assert!((t.of(3, 1) - 1.1).abs() < 1e-6);
        // A new tag (a new spell) drops the old entries.
        assert!((t.set(3, 2, 2.0, 7) - 2.0).abs() < 1e-9);
        assert_eq!(t.of(3, 1), 1.0);
    }
}
