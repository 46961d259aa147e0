//! The math imports: the `f64` functions a module imports from its host (module
//! `env`; see `ABI.md`), only those the program uses.

use bytelogic_engine::ast::BinOp;
use bytelogic_engine::ir::{Builtin, ExprKind, Program};

/// An imported `f64 → f64` (or `f64, f64 → f64`) math function.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MathFn {
    /// `env.sin`
    Sin,
    /// `env.cos`
    Cos,
    /// `env.tan`
    Tan,
    /// `env.asin`
    Asin,
    /// `env.acos`
    Acos,
    /// `env.atan`
    Atan,
    /// `env.log` (natural logarithm)
    Log,
    /// `env.log10`
    Log10,
    /// `env.exp`
    Exp,
    /// `env.pow` (two arguments)
    Pow,
    /// `env.fmod` (two arguments: the remainder of truncated division, as C `fmod`)
    Fmod,
}

impl MathFn {
    /// Every math import, in the order of the enum: a host defines these
    /// (`runtime/src/wasm/mod.rs` links one function for each, named by
    /// [`MathFn::name`]).
    pub const ALL: [MathFn; 11] = [
        MathFn::Sin,
        MathFn::Cos,
        MathFn::Tan,
        MathFn::Asin,
        MathFn::Acos,
        MathFn::Atan,
        MathFn::Log,
        MathFn::Log10,
        MathFn::Exp,
        MathFn::Pow,
        MathFn::Fmod,
    ];

    /// The import name (module `env`).
    pub fn name(self) -> &'static str {
        match self {
            MathFn::Sin => "sin",
            MathFn::Cos => "cos",
            MathFn::Tan => "tan",
            MathFn::Asin => "asin",
            MathFn::Acos => "acos",
            MathFn::Atan => "atan",
            MathFn::Log => "log",
            MathFn::Log10 => "log10",
            MathFn::Exp => "exp",
            MathFn::Pow => "pow",
            MathFn::Fmod => "fmod",
        }
    }

    /// Number of f64 parameters.
    pub fn arity(self) -> usize {
        match self {
            MathFn::Pow | MathFn::Fmod => 2,
            _ => 1,
        }
    }

    /// The import a one-argument math built-in calls.
    pub fn of_builtin(b: Builtin) -> Option<MathFn> {
        Some(match b {
            Builtin::Sin => MathFn::Sin,
            Builtin::Cos => MathFn::Cos,
            Builtin::Tan => MathFn::Tan,
            Builtin::Asin => MathFn::Asin,
            Builtin::Acos => MathFn::Acos,
            Builtin::Atan => MathFn::Atan,
            Builtin::Log => MathFn::Log,
            Builtin::Log10 => MathFn::Log10,
            Builtin::Exp => MathFn::Exp,
            Builtin::Pow => MathFn::Pow,
            _ => return None,
        })
    }
}

/// The math imports the program needs, in a fixed order.
pub fn math_imports(program: &Program) -> Vec<MathFn> {
    let mut found = std::collections::BTreeSet::new();
    crate::walk::exprs(program, &mut |e| match &e.kind {
        ExprKind::Builtin { builtin, .. } => {
            if let Some(m) = MathFn::of_builtin(*builtin) {
                found.insert(m);
            }
        }
        ExprKind::Chain { rest, .. } if rest.iter().any(|(op, _, _)| *op == BinOp::Mod) => {
            found.insert(MathFn::Fmod);
        }
        _ => {}
    });
    found.into_iter().collect()
}
