//! The `bytelogic` command-line tool (stub; being written).

fn main() {}
