//! The `bytelogic` command-line tool: `bytelogic run FILE`, `bytelogic check FILE`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
