//! Build script of `bytelogic-runtime`: the conformance-corpus switch of the tests.

#[path = "build/corpus.rs"]
mod corpus;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=build");
    corpus::configure();
}
