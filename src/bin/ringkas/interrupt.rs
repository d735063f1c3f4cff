//! Ctrl-C between records, never in the middle of one.

/// Held while a record goes out: Ctrl-C waits for it, so an output file ends in whole lines.
/// (A default SIGINT kills the process inside a long write(2), leaving half a record.)
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// How long an interrupt waits for the record being written. A write that takes longer is
/// blocked (a reader that stopped reading a full pipe): waiting on would ignore Ctrl-C.
const GRACE: std::time::Duration = std::time::Duration::from_millis(500);

/// On Ctrl-C, SIGTERM or SIGHUP, exit with 130 between records, never in the middle of one,
/// unless the output has been blocked for longer than [`GRACE`]: then at once.
pub fn exit_whole_on_interrupt() {
    // Without a handler (a platform without signals), Ctrl-C keeps its default action.
    let _ = ctrlc::set_handler(|| {
        // No record starts after this (see `whole`), whether or not the lock is had here.
        STOPPING.store(true, std::sync::atomic::Ordering::SeqCst);
        let exit = || {
            crate::progress::clear_active_bar();
            std::process::exit(130)
        };
        let started = std::time::Instant::now();
        loop {
            match WRITING.try_lock() {
                Ok(_whole) => exit(),
                Err(std::sync::TryLockError::Poisoned(_)) => exit(),
                Err(std::sync::TryLockError::WouldBlock) if started.elapsed() > GRACE => exit(),
                Err(std::sync::TryLockError::WouldBlock) => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
            }
        }
    });
}

/// Set by the signal handler: the run is to stop at the next record.
static STOPPING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs `write` while holding the output lock; after a signal, exits instead (between
/// records).
pub fn whole<T>(write: impl FnOnce() -> T) -> T {
    let _whole = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    if STOPPING.load(std::sync::atomic::Ordering::SeqCst) {
        std::process::exit(130);
    }
    write()
}
