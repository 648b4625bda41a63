//! Panics caught on purpose, told apart from the others.
//!
//! The loader runs third-party extractors under [`catch_quietly`]: a panic there costs one
//! file. A panic hook runs before any `catch_unwind` and cannot know the panic will be
//! caught, so this module marks the thread while such code runs; the interface's hook
//! ([`crate::tui::terminal`]) then leaves the terminal and the screen alone.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// How many [`catch_quietly`] calls this thread is inside.
    static CATCHING: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f`, turning a panic into `None`. A panic hook sees
/// [`is_caught_on_purpose`] true meanwhile, and says nothing.
pub fn catch_quietly<R>(f: impl FnOnce() -> R) -> Option<R> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(f)).ok();
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result
}

/// Returns true if and only if the current thread runs inside [`catch_quietly`]: a panic
/// now is one its caller expects and recovers from.
pub fn is_caught_on_purpose() -> bool {
    CATCHING.with(Cell::get) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caught_panic_gives_none_and_the_thread_is_marked_meanwhile() {
        assert!(!is_caught_on_purpose());
        assert_eq!(catch_quietly(is_caught_on_purpose), Some(true));
        assert_eq!(catch_quietly(|| catch_quietly(|| 7)), Some(Some(7)));
        let quiet: Option<()> = catch_quietly(|| panic!("expected by this test"));
        assert_eq!(quiet, None);
        assert!(!is_caught_on_purpose());
    }
}
