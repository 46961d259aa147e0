//! Program generators, by topic: values and names, Datalog rules, CALC functions,
//! programs that must fail, and hostile text.

pub mod calc;
pub mod failing;
pub mod hostile;
pub mod rules;
pub mod values;
