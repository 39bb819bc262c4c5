//! Whom a firm-level policy reaches: firms by sector, region and firm group (each an optional
//! list; an empty list places no restriction), and the conditions a firm must meet to claim a
//! subsidy.

use wandel_engine::Economy;

/// A target of firms: a firm is reached when its sector, region and group are each in the
/// corresponding list, or the list is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FirmTarget {
    /// Sector indices.
    pub sectors: Vec<u16>,
    /// Region indices.
    pub regions: Vec<u16>,
    /// Firm group indices.
    pub groups: Vec<u16>,
}

impl FirmTarget {
    /// Whether firm `j` is reached.
    pub fn reaches(&self, eco: &Economy, j: usize) -> bool {
        let f = &eco.firms;
        let inside = |list: &[u16], v: u16| list.is_empty() || list.contains(&v);
        inside(&self.sectors, f.sector[j])
            && inside(&self.regions, f.region[j])
            && inside(&self.groups, f.group[j])
    }
}

/// Conditions a firm must meet to claim a subsidy (seeds/000: subsidies conditional on wage
/// and training standards, as in the US Inflation Reduction Act).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conditions {
    /// Least pay scale, € a month for a worker of average skill (a collective-agreement
    /// level; None: no condition).
    pub wage_standard: Option<f64>,
    /// Only firms that train (`firms.training_share`).
    pub training_required: bool,
}

impl Conditions {
    /// Whether firm `j` meets the conditions.
    pub fn met(&self, eco: &Economy, j: usize) -> bool {
        self.wage_standard
            .is_none_or(|w| f64::from(eco.firms.wage_level[j]) >= w)
            && (!self.training_required || eco.firms.trains[j])
    }
}

/// Who may enter a worker-level policy (retraining, accreditation, the councils' caseloads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Eligible {
    /// Staff of producing target firms.
    pub employed: bool,
    /// Staff of target firms under closure notice, and workers given notice by a target firm.
    pub under_notice: bool,
    /// Workers displaced from a target firm, still unemployed.
    pub displaced: bool,
}
