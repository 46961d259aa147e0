//! ByteLogic differential testing: program generators and a naive oracle.
//!
//! Not written yet; the crate exists so the workspace layout is in place.
