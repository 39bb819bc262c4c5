//! A cache prefetch hint, so that the few random memory accesses of a transition overlap
//! instead of waiting for each other (`docs/performance.md`).

/// Asks the CPU to start loading the cache line of `r`. A hint only: it has no observable
/// effect on results, and compiles to nothing on targets other than x86-64.
#[inline(always)]
pub fn prefetch<T>(r: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults and changes no state visible to the program; the pointer
    // comes from a live reference, and SSE (which provides the instruction) is part of the
    // x86-64 baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            (r as *const T).cast(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = r;
}
