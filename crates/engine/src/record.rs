//! What one month leaves behind: whole-economy stocks and flows, and the same by region and
//! sector. Plain data, no IO: the runner turns it into CSV.

use crate::calendar::Month;
use crate::params::Params;
use crate::state::{Economy, Status};

/// Whole-economy stocks (end of month) and flows (during the month).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthRecord {
    /// The month.
    pub month: Month,
    /// Employed on full hours (not in training).
    pub employed: u64,
    /// On short-time work.
    pub short_time: u64,
    /// Unemployed.
    pub unemployed: u64,
    /// In training.
    pub in_training: u64,
    /// Of those in training, workers on a payroll (in-work training): employed, and counted
    /// so by every employment measure (`measures.rs`).
    pub employed_in_training: u64,
    /// Payroll workers in full-time equivalents: each at its firm's normal hours, short-time
    /// workers at those hours less the cut (trainees on a payroll at their firm's hours).
    pub fte_employed: f64,
    /// Inactive before pension age.
    pub out_of_labour_force: u64,
    /// Retired.
    pub retired: u64,
    /// Vacancies posted before matching.
    pub vacancies: u64,
    /// Hires.
    pub hires: u64,
    /// Job-to-job hires: of on-the-job searchers and of workers under closure notice (part of
    /// `hires`).
    pub job_to_job: u64,
    /// Quits and dismissals into unemployment.
    pub separations: u64,
    /// Firm-initiated layoffs.
    pub layoffs: u64,
    /// Retirements.
    pub retirements: u64,
    /// Retirements by the status retired from (indexed by `Status as usize`).
    pub retirements_from: [u64; 6],
    /// Entries.
    pub entries: u64,
    /// Exits from unemployment out of the labour force.
    pub exits_inactive: u64,
    /// Inactive workers back in the labour force (as job seekers).
    pub reentries: u64,
    /// Firms that exited this month.
    pub firm_exits: u64,
    /// Residence moves between regions.
    pub movers: u64,
    /// Of them, unemployed job seekers who moved for work.
    pub job_seeker_movers: u64,
    /// Training starts.
    pub training_starts: u64,
    /// Training completions.
    pub training_ends: u64,
    /// Long-term unemployed (12 months or more).
    pub long_term_unemployed: u64,
    /// Mean contractual wage of payroll workers, € per month (0 when nobody is on a payroll).
    pub mean_wage: f64,
    /// Σ contractual monthly wages of payroll workers, €.
    pub wage_bill: f64,
    /// Σ pay that short-time workers lose to their cut hours this month, € (part of
    /// `wage_bill`, not paid by the employer; 0 without short-time work).
    pub short_time_pay_lost: f64,
    /// Σ last monthly wage of the unemployed, € (base for unemployment benefits).
    pub unemployed_last_wage: f64,
    /// Σ last monthly wage of the long-term unemployed, €.
    pub long_term_last_wage: f64,
    /// Unemployed receiving unemployment benefit (Arbeitslosengeld I) at the end of the month.
    pub benefit_recipients: u64,
    /// Unemployed receiving basic income (Bürgergeld) at the end of the month.
    pub basic_income_recipients: u64,
    /// Unemployment benefit paid for the month, € (the recipients' monthly amounts).
    pub benefit_paid: f64,
    /// Basic income paid for the month, €.
    pub basic_income_paid: f64,
    /// Firm-side measures per region × sector.
    pub cells: Vec<CellRecord>,
    /// Worker-side measures per region.
    pub regions: Vec<RegionRecord>,
}

impl MonthRecord {
    /// Unemployment rate: unemployed / (employed + short-time + unemployed).
    pub fn unemployment_rate(&self) -> f64 {
        let active = self.employed + self.short_time + self.unemployed;
        if active == 0 {
            0.0
        } else {
            self.unemployed as f64 / active as f64
        }
    }
}

/// Firm-side measures of one region × sector cell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellRecord {
    /// Region index.
    pub region: u16,
    /// Sector index.
    pub sector: u16,
    /// Payroll workers not on short-time work (includes employed trainees).
    pub employed: u64,
    /// Short-time workers.
    pub short_time: u64,
    /// Vacancies posted.
    pub vacancies: u64,
    /// Hires.
    pub hires: u64,
    /// Separations.
    pub separations: u64,
    /// Layoffs.
    pub layoffs: u64,
    /// Mean contractual wage, € per month.
    pub mean_wage: f64,
}

/// Worker-side measures of one region.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegionRecord {
    /// Unemployed living in the region.
    pub unemployed: u64,
    /// Long-term unemployed.
    pub long_term_unemployed: u64,
    /// Trainees.
    pub in_training: u64,
    /// Inactive.
    pub out_of_labour_force: u64,
    /// Employed (payroll, incl. short-time) at firms in the region: workplace-based.
    pub employed_here: u64,
    /// Residents on a payroll, wherever they work: residence-based.
    pub employed_residents: u64,
    /// Residents who moved in this month.
    pub moved_in: u64,
    /// Residents who moved out this month.
    pub moved_out: u64,
    /// Residents who left the labour force this month.
    pub exits_from_labour_force: u64,
    /// Residents who came back to the labour force this month.
    pub reentries: u64,
    /// Residents' spending this month (net earnings and transfers, smoothed), € per month.
    pub spending: f64,
}

impl RegionRecord {
    /// Residence-based unemployment rate: unemployed residents / (unemployed residents +
    /// residents on a payroll), as official regional rates count.
    pub fn unemployment_rate(&self) -> f64 {
        let active = self.unemployed + self.employed_residents;
        if active == 0 {
            0.0
        } else {
            self.unemployed as f64 / active as f64
        }
    }
}

/// Builds the month's record from the state after matching.
pub(crate) fn record(eco: &mut Economy, params: &Params) -> MonthRecord {
    let n_sectors = params.sectors.len();
    let n_cells = params.regions.len() * n_sectors;
    let mut cells: Vec<CellRecord> = (0..n_cells)
        .map(|c| CellRecord {
            region: (c / n_sectors) as u16,
            sector: (c % n_sectors) as u16,
            hires: eco.flows.cell_hires[c],
            separations: eco.flows.cell_separations[c],
            layoffs: eco.flows.cell_layoffs[c],
            ..CellRecord::default()
        })
        .collect();
    // Per-cell stocks are kept by the transitions (payroll counts in the wage sums), so
    // recording costs nothing per firm.
    let mut vacancies = 0u64;
    for (c, cell) in cells.iter_mut().enumerate() {
        cell.short_time = eco.cell_short_time[c];
        cell.employed = eco.wage_cells[c].n - cell.short_time;
        cell.vacancies = eco.cell_vacancies[c];
        vacancies += cell.vacancies;
    }
    let t = eco.month.0;
    let (g, cap) = (eco.tenure_return, eco.tenure_cap);
    let mut wage_bill = 0.0;
    let mut n_payroll = 0u64;
    for (c, cell) in cells.iter_mut().enumerate() {
        let wc = &eco.wage_cells[c];
        let sum = wc.wage_sum(t, g, cap) / 100.0;
        cell.mean_wage = if wc.n > 0 { sum / wc.n as f64 } else { 0.0 };
        wage_bill += sum;
        n_payroll += wc.n;
        eco.last_cell_employment[c] = cell.employed + cell.short_time;
    }
    let payroll_trainees =
        n_payroll - eco.counts[Status::Employed as usize] - eco.counts[Status::ShortTime as usize];
    let fte_employed = if eco.counts[Status::ShortTime as usize] > 0 || eco.firms.any_short_hours {
        full_time_equivalents(eco)
    } else {
        n_payroll as f64
    };
    let short_time_pay_lost = if eco.counts[Status::ShortTime as usize] > 0 {
        short_time_pay_lost(eco)
    } else {
        0.0
    };
    let mut regions: Vec<RegionRecord> = (0..params.regions.len())
        .map(|r| RegionRecord {
            unemployed: eco.region_unemployed[r],
            long_term_unemployed: eco.region_long_term[r],
            in_training: eco.region_training[r],
            out_of_labour_force: eco.region_inactive[r],
            employed_here: 0,
            employed_residents: eco.resident_wages[r].n,
            moved_in: eco.flows.region_moved_in[r],
            moved_out: eco.flows.region_moved_out[r],
            exits_from_labour_force: eco.flows.region_exits[r],
            reentries: eco.flows.region_reentries[r],
            spending: eco.spending[r],
        })
        .collect();
    for cell in &cells {
        regions[cell.region as usize].employed_here += cell.employed + cell.short_time;
    }
    let f = &eco.flows;
    MonthRecord {
        month: eco.month,
        employed: eco.counts[Status::Employed as usize],
        short_time: eco.counts[Status::ShortTime as usize],
        unemployed: eco.counts[Status::Unemployed as usize],
        in_training: eco.counts[Status::Training as usize],
        employed_in_training: payroll_trainees,
        fte_employed,
        out_of_labour_force: eco.counts[Status::Inactive as usize],
        retired: eco.counts[Status::Retired as usize],
        vacancies,
        hires: f.hires,
        job_to_job: f.job_to_job,
        separations: f.separations,
        layoffs: f.layoffs,
        retirements: f.retirements,
        retirements_from: f.retirements_from,
        entries: f.entries,
        exits_inactive: f.exits_inactive,
        reentries: f.reentries,
        firm_exits: f.firm_exits,
        movers: f.moves,
        job_seeker_movers: f.job_seeker_moves,
        training_starts: f.training_starts,
        training_ends: f.training_ends,
        long_term_unemployed: eco.long_term_unemployed(),
        mean_wage: if n_payroll > 0 {
            wage_bill / n_payroll as f64
        } else {
            0.0
        },
        wage_bill,
        short_time_pay_lost,
        unemployed_last_wage: eco.unemployed_last_wage as f64 / 100.0,
        long_term_last_wage: eco.long_term_last_wage as f64 / 100.0,
        benefit_recipients: eco.benefits.recipients,
        basic_income_recipients: eco.benefits.basic,
        benefit_paid: eco.benefits.amount as f64 / 100.0,
        basic_income_paid: eco.benefits.basic as f64 * params.benefits.basic_income,
        cells,
        regions,
    }
}

/// Payroll workers in full-time equivalents: a pass over firms (only in months when some firm
/// has short-time workers or hours below full time).
fn full_time_equivalents(eco: &Economy) -> f64 {
    let f = &eco.firms;
    (0..f.len())
        .map(|j| {
            let heads = f64::from(f.employees.headcount(j));
            let hours = f64::from(f.hours[j]);
            let short = f64::from(f.short_time[j]);
            hours * (heads - short * f64::from(f.hours_cut[j]))
        })
        .sum()
}

/// Σ pay lost to cut hours by the short-time workers of every firm with any, € (only firms with
/// short-time workers are visited).
fn short_time_pay_lost(eco: &Economy) -> f64 {
    let f = &eco.firms;
    let mut lost = 0.0;
    for (j, &n) in f.short_time.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let cut = f64::from(f.hours_cut[j]) * f64::from(f.hours[j]);
        for &w in &f.employees[j] {
            if eco.workers.rec[w as usize].status == Status::ShortTime {
                lost += eco.current_wage(w) * cut;
            }
        }
    }
    lost / 100.0
}
