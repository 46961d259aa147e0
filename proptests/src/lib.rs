//! ByteLogic differential testing: program generators, a naive oracle, and the
//! helpers the property tests in `tests/` share.
//!
//! - [`dice`]: the choice sequence every generator draws from (and shrinks).
//! - [`build`]: syntax trees shaped the way the parser shapes them.
//! - [`model`]: the generator's model of a Datalog program, printed to source for the engine.
//! - [`generate`]: generators by topic.
//! - [`oracle`]: naive evaluation of the model.
//! - [`shape`]: span-insensitive comparison of syntax trees (the print round trip).
//! - [`sources`]: the corpus and the engine's hand-written cases.
//! - [`harness`]: proptest configuration, backends, and the checks that hold for any input.

pub mod build;
pub mod dice;
pub mod generate;
pub mod harness;
pub mod model;
pub mod oracle;
pub mod shape;
pub mod sources;
