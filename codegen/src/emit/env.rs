//! What the emitters of expressions, plans, CALC functions and `run` share: where
//! variables live ([`Env`]), and moving values between the stack, locals and the
//! scratch buffer.

use crate::abi::{self, TAG_NONE};
use crate::builder::{FnBuilder, Local, LocalExt, m32, m64};
use std::cell::Cell;

/// Where an expression finds its variables.
pub struct Env {
    /// Local pair (tag, payload) of each variable slot.
    pub slots: Vec<(Local, Local)>,
    /// Names of the slots (for messages).
    pub names: Vec<String>,
    /// True when reading an unassigned slot is E208 (CALC bodies).
    pub check_assigned: bool,
    /// Per FOR-QUERY tuple slot: the local holding the current row address (0
    /// outside its loop) and the relation's arity.
    pub tuples: Vec<(Local, u32)>,
    /// In a rule plan, the label ([`FnBuilder::open`]) of the block whose end is the
    /// end of the current binding: an empty MIN, MAX or MEAN branches there (spec
    /// §9.2). `None` elsewhere, where it is E209.
    pub stop: Cell<Option<u32>>,
}

impl Env {
    /// The environment of top-level statements: globals only.
    pub fn top() -> Env {
        Env {
            slots: Vec::new(),
            names: Vec::new(),
            check_assigned: false,
            tuples: Vec::new(),
            stop: Cell::new(None),
        }
    }
}

/// Stores the value on the stack into fresh locals and returns them.
pub fn stash(f: &mut FnBuilder) -> (Local, Local) {
    let (t, p) = f.value_local();
    f.ins().set(p).set(t);
    (t, p)
}

/// Stores values (or `?` for `None`) contiguously at the scratch buffer.
pub fn store_scratch(f: &mut FnBuilder, values: &[Option<(Local, Local)>]) {
    for (i, v) in values.iter().enumerate() {
        let at = abi::SCRATCH + i as u32 * abi::VALUE_SIZE;
        f.ins().i32_const(0);
        match v {
            Some((t, _)) => f.ins().get(*t),
            None => f.ins().i32_const(TAG_NONE),
        };
        f.ins().i32_store(m32(at)).i32_const(0);
        match v {
            Some((_, p)) => f.ins().get(*p),
            None => f.ins().i64_const(0),
        };
        f.ins().i64_store(m64(at + 8));
    }
}
