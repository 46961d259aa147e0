//! The `bytelogic` command-line tool (docs/cli.md): `run`, `check` and `compile` a
//! program; `tokens`, `serve`, `validate`, `generate`, `lex`, `vocab` for language-model
//! pipelines; `explain` a diagnostic code; `wat` runs a WebAssembly module. Built with
//! the `cli` feature (docs/decisions.md 250); the commands are in `cli.rs` and `cli/`.

mod cli;
mod huge_blocks;

/// Large blocks on huge pages (docs/decisions.md 147).
#[global_allocator]
static ALLOCATOR: huge_blocks::HugeBlocks = huge_blocks::HugeBlocks;

fn main() -> std::process::ExitCode {
    cli::main()
}
