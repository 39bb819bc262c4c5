//! The fiscal ledger: what the state pays and receives each month, by item and policy.
//!
//! Economy-wide items come from the month's record: unemployment benefit and basic income
//! (the benefit records' amounts) as costs, and income tax plus social contributions on the
//! pay actually paid as revenue. Each policy adds its own items ([`crate::PolicyMonth`]).
//! Amounts are € for the month; costs to the state are positive, revenues negative, and the
//! `net_cost` entry is their sum (what the month costs the state, net).
//!
//! Revenue on wages: with `N` payroll workers and a paid wage bill `G` (the contractual bill
//! less the pay short-time workers lose to cut hours), income tax and employee contributions
//! are `N × (g − net(g))` at the mean wage `g = G / N` (the engine's gross-to-net schedule,
//! calibration: K7; the mean wage understates progressive tax a little: stated reason,
//! one evaluation per month instead of one per worker), and employer contributions are
//! `employer_contribution_rate × G` (K7). On short-time work, contributions of both sides
//! remain due on [`SHORT_TIME_CONTRIBUTION_BASE`] of the pay lost; the employer pays them
//! unless the policy reimburses them (a separate cost item of the policy).

use wandel_engine::{Month, MonthRecord, Params};

/// Share of the pay lost to short-time work on which social contributions stay due (SGB V
/// § 232a (2) and the corresponding rules of the other branches: a notional 80 % of the pay
/// lost).
pub const SHORT_TIME_CONTRIBUTION_BASE: f64 = 0.8;

/// Item: unemployment benefit (Arbeitslosengeld I) paid, cost.
pub const UNEMPLOYMENT_BENEFIT: &str = "unemployment_benefit";
/// Item: basic income (Bürgergeld) paid, cost.
pub const BASIC_INCOME: &str = "basic_income";
/// Item: income tax and social contributions on wages, revenue (negative).
pub const WAGE_TAXES: &str = "taxes_and_contributions_on_wages";
/// Item: the month's net cost to the state (sum of every other item).
pub const NET_COST: &str = "net_cost";
/// The `policy` column of economy-wide items.
pub const ECONOMY: &str = "economy";

/// Fiscal parameters of a scenario (`[fiscal]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Fiscal {
    /// Employer social contributions as a share of gross pay (calibration: K7, about 20 %).
    pub employer_contribution_rate: f64,
}

impl Default for Fiscal {
    fn default() -> Fiscal {
        Fiscal {
            employer_contribution_rate: 0.20,
        }
    }
}

/// One ledger line.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerEntry {
    /// The month.
    pub month: Month,
    /// The item.
    pub item: &'static str,
    /// The policy (its name), or [`ECONOMY`] for economy-wide items and the net.
    pub policy: String,
    /// € for the month: costs to the state positive, revenues negative.
    pub amount: f64,
}

/// The economy-wide items of one month (without `net_cost`).
pub fn economy_items(params: &Params, fiscal: &Fiscal, rec: &MonthRecord) -> Vec<LedgerEntry> {
    let rules = &params.benefits;
    let n = (rec.employed + rec.short_time) as f64;
    let paid = (rec.wage_bill - rec.short_time_pay_lost).max(0.0);
    let mut revenue = fiscal.employer_contribution_rate * paid;
    if n > 0.0 {
        let mean_cents = 100.0 * paid / n;
        let deductions = if rules.enabled {
            mean_cents - rules.net_pay(mean_cents)
        } else {
            rules.contribution_rate * mean_cents
        };
        revenue += n * deductions / 100.0;
    }
    let both_sides = rules.contribution_rate + fiscal.employer_contribution_rate;
    revenue += both_sides * SHORT_TIME_CONTRIBUTION_BASE * rec.short_time_pay_lost;
    let entry = |item, amount| LedgerEntry {
        month: rec.month,
        item,
        policy: ECONOMY.to_string(),
        amount,
    };
    vec![
        entry(UNEMPLOYMENT_BENEFIT, rec.benefit_paid),
        entry(BASIC_INCOME, rec.basic_income_paid),
        entry(WAGE_TAXES, -revenue),
    ]
}
