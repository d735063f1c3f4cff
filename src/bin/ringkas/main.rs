//! The `ringkas` binary: parse flags, run, map the outcome to an exit code.

mod allocator;
mod app;
mod cli;
mod generate;
mod interrupt;
mod progress;
mod stem_explain;
mod topics_cmd;

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: allocator::MiMalloc = allocator::MiMalloc;

/// `mi_option_destroy_on_exit` in the `mimalloc.h` of libmimalloc-sys 0.1.49 (mimalloc v3),
/// which the crate does not name. Its value 2 makes mimalloc skip its exit hook: without it,
/// the hook walks the whole heap and hands every free page back to the kernel one `madvise` at
/// a time, just before the kernel frees it all anyway (`docs/PERFORMANCE.md`).
const MI_OPTION_DESTROY_ON_EXIT: libmimalloc_sys::mi_option_t = 22;

fn main() -> ExitCode {
    // SAFETY: sets an option that is read only at exit; no allocation is in flight.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_DESTROY_ON_EXIT, 2) };
    // Help, version and usage errors through our own writes: clap's `exit` panics when it
    // cannot write them (`ringkas --help | true`).
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage(&err),
    };
    if let Err(message) = cli.check() {
        use clap::CommandFactory;
        let err = cli::Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message);
        return usage(&err);
    }
    interrupt::exit_whole_on_interrupt();
    match app::run(&cli) {
        Ok(app::Status::Ok) => ExitCode::SUCCESS,
        Ok(app::Status::SomeFailed) => ExitCode::from(1),
        // The reader went away (`ringkas ... | head`): nothing more to say.
        Err(app::Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(app::Failure::Fatal(message)) => {
            crate::progress::say(&format!("ringkas: {message}"));
            ExitCode::from(2)
        }
    }
}

/// Prints a clap error (help, version, usage) and gives its exit code; a failed write other
/// than a closed pipe is named, with exit code 2.
fn usage(err: &clap::Error) -> ExitCode {
    match err.print() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            progress::say(&format!("ringkas: cannot write to standard output: {e}"));
            ExitCode::from(2)
        }
        _ => ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2)),
    }
}
