//! Residence moves: commuting is not moving. A worker lives in a region and may work in
//! another accessible one; each month a worker whose employer is in another region than their
//! residence moves to the employer's region with probability `regional.commuter_move_rate`.
//! Nobody else moves: the unemployed search from where they live (their moves are much rarer
//! than the employed's, calibration: H1, H2), and moves that are not about work are outside the
//! model.
//!
//! Cost follows the moves: the candidates along each payroll are drawn with geometric gaps (one
//! draw per firm and one per candidate), each firm from its own stream, so a change at one firm
//! leaves every other firm's draws as they were.
//!
//! Reads: payrolls, residence and firm regions. Writes: residences through
//! `Economy::move_residence`.

use crate::params::Params;
use crate::rng::{Gaps, MonthStreams, Phase};
use crate::state::{Economy, Status};

/// Runs the month's residence moves.
pub fn run(eco: &mut Economy, params: &Params, streams: &MonthStreams) {
    let Some(gaps) = Gaps::new(params.regional.commuter_move_rate) else {
        return;
    };
    if params.regions.len() < 2 {
        return;
    }
    let mut moving = Vec::new();
    let firms = &eco.firms;
    for (j, headcount) in firms.employees.headcounts().enumerate() {
        let h = u64::from(headcount);
        if h == 0 {
            continue;
        }
        let region = firms.region[j];
        let list = &firms.employees[j];
        let rng = &mut streams.of(Phase::Moves, j as u64);
        let mut pos = gaps.sample(rng);
        while pos < h {
            let w = list[pos as usize];
            let r = &eco.workers.rec[w as usize];
            if r.region != region && matches!(r.status, Status::Employed | Status::ShortTime) {
                moving.push((w, region));
            }
            pos += 1 + gaps.sample(rng); // No overflow: see `Gaps::LONGEST`.
        }
    }
    for (w, region) in moving {
        eco.move_residence(w, region);
    }
}
