//! A hint that a large array should be backed by huge pages, so that random accesses into it
//! miss the TLB less often (`docs/performance.md`).
//!
//! Worker records are read at random places: with 4 KB pages, a population of 10^6 workers
//! (32 MB of records) spans 8,000 pages, far more than the CPU's TLB holds, so most random
//! reads also walk the page tables; with 2 MB pages it spans 16.

/// Asks the kernel to back the allocation of `v` (its whole capacity) with transparent huge
/// pages. A hint only: it has no effect on results, covers only the whole 2 MB pages inside
/// the allocation (nothing unless there are at least two, so allocations of up to about 6 MB
/// may get none), applies to the allocation `v` has now (not to one it grows into later), and
/// compiles to nothing outside Linux.
pub fn advise<T>(v: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = v.as_ptr() as usize;
        let len = v.capacity() * std::mem::size_of::<T>();
        let first = start.next_multiple_of(HUGE);
        let end = (start + len) / HUGE * HUGE;
        if end <= first + HUGE {
            return;
        }
        // SAFETY: madvise with MADV_HUGEPAGE changes how the kernel backs the pages of a range,
        // never their contents; the range lies inside the vector's live allocation (rounded
        // inwards to huge-page boundaries), which stays owned by `v` for the call. A failure
        // (for example a kernel without transparent huge pages) is ignored: it is only a hint.
        unsafe {
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}
