//! The `ringkas` binary: parse flags, run, map the outcome to an exit code.

mod app;
mod cli;
mod generate;

use std::process::ExitCode;

use clap::Parser;

/// Analysis makes and frees many small strings and vectors per document on every worker;
/// mimalloc's per-thread free lists serve them for about 12 % less CPU than glibc malloc
/// (README, Performance). Built without transparent huge pages, which would make a short run
/// resident in 2 MiB steps. The library leaves the allocator to its users.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    app::exit_whole_on_interrupt();
    match app::run(&cli) {
        Ok(app::Status::Ok) => ExitCode::SUCCESS,
        Ok(app::Status::SomeFailed) => ExitCode::from(1),
        // The reader went away (`ringkas ... | head`): nothing more to say.
        Err(app::Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(app::Failure::Fatal(message)) => {
            eprintln!("ringkas: {message}");
            ExitCode::from(2)
        }
    }
}
