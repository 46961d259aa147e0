//! Build script of `bytelogic-proptests`: the conformance-corpus switch of its tests
//! (shared with the runtime's build script).

#[path = "../runtime/build/corpus.rs"]
mod corpus;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../runtime/build/corpus.rs");
    corpus::configure();
}
