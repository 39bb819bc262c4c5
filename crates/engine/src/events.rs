//! The month's event log: every hire and every separation from a payroll, with who, where and
//! why, for the policies that must know them (deadweight of a hiring subsidy, retention
//! requirements, councils' intake) and for tests.
//!
//! Events are written by the two shared bookkeeping functions every transition goes through
//! (`PayrollBooks::hire` and `PayrollBooks::leave` in `books.rs`), the batches included, so no
//! path can forget them. The log holds the current month only: it is emptied at the start of
//! each month, and a policy that needs history keeps what it needs in its own state (hook
//! `on_month_end`). Its cost follows the flows: one entry per hire or separation.

use crate::calendar::Month;
use crate::status::Status;

/// Why a worker left a payroll.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Exit {
    /// A quit or an individual dismissal into unemployment (the sector's separation rate).
    Quit = 0,
    /// A layoff by a firm that goes on producing (excess labour), at the end of the notice.
    Layoff = 1,
    /// A layoff because the firm closes.
    Closure = 2,
    /// Retirement at pension age.
    Retirement = 3,
    /// Left for a job at another firm (on-the-job search, or a move under notice).
    JobChange = 4,
}

impl Exit {
    /// Every exit, in column order.
    pub const ALL: [Exit; 5] = [
        Exit::Quit,
        Exit::Layoff,
        Exit::Closure,
        Exit::Retirement,
        Exit::JobChange,
    ];

    /// The name used in outputs.
    pub fn name(self) -> &'static str {
        match self {
            Exit::Quit => "quit",
            Exit::Layoff => "layoff",
            Exit::Closure => "closure",
            Exit::Retirement => "retirement",
            Exit::JobChange => "job_change",
        }
    }
}

/// A hire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HireEvent {
    /// The worker hired.
    pub worker: u32,
    /// The hiring firm.
    pub firm: u32,
    /// The worker's status just before: `Unemployed`, or `Employed`/`ShortTime`/`Training` for a
    /// move from another firm's payroll.
    pub from: Status,
    /// Start of the spell the hire ends: the unemployment spell, or the job left.
    pub spell_start: Month,
    /// True when the worker was displaced (by a closure or a layoff) and has not worked since,
    /// or moves job to job under notice.
    pub displaced: bool,
}

/// A separation from a payroll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeparationEvent {
    /// The worker.
    pub worker: u32,
    /// The firm left.
    pub firm: u32,
    /// Month the job left had started.
    pub job_start: Month,
    /// Why the worker left.
    pub exit: Exit,
}

/// The hires and separations of the current month, in the order they happened (empty when
/// the run keeps no log: `Params::event_log`).
#[derive(Clone, Debug, Default)]
pub struct EventLog {
    /// Whether events are logged.
    pub enabled: bool,
    /// Hires.
    pub hires: Vec<HireEvent>,
    /// Separations.
    pub separations: Vec<SeparationEvent>,
    /// Workers whose status changed this month other than by a hire: into unemployment (also
    /// after a separation, which is logged as well, except in the batch of quits), into or out
    /// of training (and with it, perhaps, their occupation), into inactivity or retirement.
    /// With the hires and separations, every change of a worker's employer, occupation or
    /// status is in the log, so a reader can follow a group of workers by the events that
    /// touch them instead of visiting each of them every month.
    pub changed: Vec<u32>,
}

impl EventLog {
    /// Empties the log for a new month (keeping its memory).
    pub fn clear(&mut self) {
        self.hires.clear();
        self.separations.clear();
        self.changed.clear();
    }

    /// Separations of the month for one reason.
    pub fn separations_by(&self, exit: Exit) -> impl Iterator<Item = &SeparationEvent> {
        self.separations.iter().filter(move |e| e.exit == exit)
    }
}

/// One bit per worker: set while the worker's current spell out of work began with a
/// displacement (read into [`HireEvent::displaced`], cleared at the hire).
#[derive(Clone, Debug, Default)]
pub struct DisplacedFlags {
    bits: Vec<u64>,
    any: bool,
}

impl DisplacedFlags {
    /// Marks worker `w`.
    pub fn set(&mut self, w: u32) {
        let k = (w / 64) as usize;
        if k >= self.bits.len() {
            self.bits.resize(k + 1, 0);
        }
        self.bits[k] |= 1 << (w % 64);
        self.any = true;
    }

    /// Whether worker `w` is marked.
    #[inline(always)]
    pub fn get(&self, w: u32) -> bool {
        self.any
            && self
                .bits
                .get((w / 64) as usize)
                .is_some_and(|b| b & (1 << (w % 64)) != 0)
    }

    /// Reads and clears worker `w`'s mark.
    #[inline(always)]
    pub fn take(&mut self, w: u32) -> bool {
        if !self.any {
            return false;
        }
        let k = (w / 64) as usize;
        match self.bits.get_mut(k) {
            Some(b) if *b & (1 << (w % 64)) != 0 => {
                *b &= !(1 << (w % 64));
                true
            }
            _ => false,
        }
    }

    /// Clears every mark.
    pub fn clear(&mut self) {
        self.bits.clear();
        self.any = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_set_read_and_clear() {
        let mut f = DisplacedFlags::default();
        assert!(!f.get(5));
        f.set(5);
        f.set(700);
        assert!(f.get(5) && f.get(700) && !f.get(6) && !f.get(100_000));
        assert!(f.take(5));
        assert!(!f.take(5));
        assert!(f.get(700));
    }
}
