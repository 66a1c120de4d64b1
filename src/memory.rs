//! Giving freed heap memory back to the operating system.
//!
//! glibc's allocator keeps the memory a program frees, to serve later allocations, in the
//! arena of the thread that allocated it. After a load's large temporary tables (built on the
//! worker threads) are freed, that memory stays resident although nothing uses it, and the
//! tables built next (on another thread) take new memory on top of it. [`release_freed`] hands
//! the free pages back, so the load's peak and the app's resident size after it are what is
//! in use.

/// Returns the free pages of every allocator arena to the operating system (glibc's
/// `malloc_trim`). Costs a walk over the free blocks: call it after large tables are freed,
/// not in a loop. Does nothing where the allocator is not glibc's.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases memory the allocator holds as free; it is safe to
    // call at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}
