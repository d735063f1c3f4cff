//! Ctrl-C between records, never in the middle of one.

/// Held while a record goes out: Ctrl-C waits for it, so an output file ends in whole lines.
/// (A default SIGINT kills the process inside a long write(2), leaving half a record.)
static WRITING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// On Ctrl-C, exit with 130 (128 + SIGINT) between records, never in the middle of one.
pub fn exit_whole_on_interrupt() {
    // Without a handler (a platform without signals), Ctrl-C keeps its default action.
    let _ = ctrlc::set_handler(|| {
        let _whole = WRITING.lock().unwrap_or_else(|e| e.into_inner());
        crate::progress::clear_active_bar();
        std::process::exit(130);
    });
}

/// Runs `write` while holding the output lock.
pub fn whole<T>(write: impl FnOnce() -> T) -> T {
    let _whole = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    write()
}
