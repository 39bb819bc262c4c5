//! The queue for a policy's places: when more workers ask than there are places, places go in
//! the order of a per-worker draw ([`PolicyCtx::worker_draw`], the same in every arm), ties by
//! row. Each draw is computed once, not once per comparison.

use wandel_engine::policy::PolicyCtx;

/// Sorts `want` into queue order by each worker's draw for `question`.
pub fn order(ctx: &PolicyCtx<'_>, want: &mut [u32], question: u64) {
    let mut keyed: Vec<(f64, u32)> = want
        .iter()
        .map(|&w| (ctx.worker_draw(w, question), w))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (slot, (_, w)) in want.iter_mut().zip(keyed) {
        *slot = w;
    }
}
