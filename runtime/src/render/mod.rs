//! Renderers at the edge: diagnostics as text (spec §8) and everything as JSON (spec §5.4, §8).

pub mod json;
pub mod text;
