use std::process::ExitCode;

fn main() -> ExitCode {
    crossread::cli::main()
}
