//! The `ringkas` binary: parse flags, run, map the outcome to an exit code.

mod app;
mod cli;
mod generate;

use std::process::ExitCode;

use clap::Parser;

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
