//! Build script of `bytelogic-runtime`: embeds the `bytelogic explain` pages and sets
//! the conformance-corpus switch of the tests.

#[path = "build/corpus.rs"]
mod corpus;
#[path = "build/explain.rs"]
mod explain;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    explain::generate();
    corpus::configure();
}
