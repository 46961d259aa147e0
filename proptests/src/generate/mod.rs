//! Program generators, by topic: values and names, Datalog rules (with NOT and
//! aggregates in stratified programs), CALC functions, programs that must fail, and
//! hostile text.

mod aggregates;
pub mod calc;
pub mod failing;
pub mod hostile;
pub mod rules;
pub mod values;
