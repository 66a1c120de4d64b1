//! The window never waits for the shared thread pool. A folder's load keeps that pool busy
//! (on a slow drive, for seconds per batch); a frame that queued work on it would freeze until
//! the batch was done. Here every pool thread is held until the frames are drawn: a frame
//! that needed the pool would hang until the watchdog lets the pool go, and the test fails.
//!
//! This test binary runs alone, so holding the pool affects only itself.

mod common;

use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// Holds every thread of rayon's shared pool until [`HeldPool::release`]; a watchdog lets
/// them go after `max_hold` and remembers that it had to.
struct HeldPool {
    gate: Arc<(Mutex<bool>, Condvar)>,
    watchdog_fired: Arc<AtomicBool>,
}

impl HeldPool {
    fn hold(max_hold: Duration) -> HeldPool {
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let held = Arc::new(AtomicUsize::new(0));
        let threads = rayon::current_num_threads();
        for _ in 0..threads {
            let (gate, held) = (Arc::clone(&gate), Arc::clone(&held));
            rayon::spawn(move || {
                held.fetch_add(1, Ordering::SeqCst);
                let (open, cv) = &*gate;
                let mut open = open.lock().unwrap();
                while !*open {
                    open = cv.wait(open).unwrap();
                }
            });
        }
        while held.load(Ordering::SeqCst) < threads {
            std::thread::sleep(Duration::from_millis(1));
        }
        let watchdog_fired = Arc::new(AtomicBool::new(false));
        let (g, fired) = (Arc::clone(&gate), Arc::clone(&watchdog_fired));
        std::thread::spawn(move || {
            let (open, cv) = &*g;
            let (mut open, timeout) = cv.wait_timeout_while(open.lock().unwrap(), max_hold, |o| !*o).unwrap();
            if timeout.timed_out() {
                fired.store(true, Ordering::SeqCst);
                *open = true;
                cv.notify_all();
            }
        });
        HeldPool { gate, watchdog_fired }
    }

    /// Lets the pool go; whether the watchdog had to do it first.
    fn release(self) -> bool {
        let (open, cv) = &*self.gate;
        *open.lock().unwrap() = true;
        cv.notify_all();
        self.watchdog_fired.load(Ordering::SeqCst)
    }
}

#[test]
fn frames_are_drawn_while_every_pool_thread_is_busy() {
    let sample = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let again = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();

    let pool = HeldPool::hold(Duration::from_secs(10));
    // The first frames on a corpus: the timeline, the entity list and the side-by-side view
    // with its suggested pairs, all worked out for the first time.
    let mut h = common::app_harness(StanceApp::with_corpus(sample, Settings::default()), [1600.0, 1000.0], 3);
    // A corpus arriving mid-session, as a partial corpus of a streamed load does.
    h.state_mut().set_corpus(again);
    h.run_steps(3);
    let waited = pool.release();
    assert!(!waited, "a frame waited for the shared thread pool");
    assert!(!h.state().corpus.documents.is_empty());
}
