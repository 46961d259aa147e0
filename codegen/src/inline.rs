//! Inlining of runtime helpers that have one call site (docs/decisions.md 68).
//!
//! Winch, wasmtime's baseline compiler, spends a fixed time on every function besides
//! the time its code takes, so a module of many small helpers compiles slower than
//! the same code in fewer functions. After every body is emitted, each runtime helper
//! that is called from exactly one place and returns at most one value is copied
//! into that place: its arguments are stored into new locals of the caller, its own
//! locals are zeroed (WebAssembly starts them at zero), its body becomes a block
//! whose `return`s branch to the block's end, and the functions left are renumbered.

use crate::error::CodegenError;
use crate::functions::FnKey;
use std::ops::Range;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{BlockType, Encode, Function, Instruction, ValType};
use wasmparser::{BinaryReader, FunctionBody};

/// A generated function: its declared types and its body.
pub struct Func {
    /// What it implements.
    pub key: FnKey,
    /// Declared parameters (its own and its padding).
    pub params: Vec<ValType>,
    /// Results.
    pub results: Vec<ValType>,
    /// The encoded body.
    pub body: Function,
}

/// A function's body taken apart: its non-parameter locals, its code (ending with
/// the function's `end`), and the operators of the code that inlining may rewrite or
/// that nest, each with its byte range; the bytes between them are copied as they are.
struct Decoded<'a> {
    locals: Vec<ValType>,
    code: &'a [u8],
    ops: Vec<(Op, Range<usize>)>,
}

/// An operator that inlining reads.
#[derive(Clone, Copy)]
enum Op {
    LocalGet(u32),
    LocalSet(u32),
    LocalTee(u32),
    Call(u32),
    Return,
    Open,
    End,
}

fn internal(e: impl std::fmt::Display) -> CodegenError {
    CodegenError::Internal(format!("inlining: {e}"))
}

/// `raw` decoded, or `None` when its code has an instruction [`scan`] does not know.
fn decode(raw: &[u8]) -> Result<Option<Decoded<'_>>, CodegenError> {
    let body = FunctionBody::new(BinaryReader::new(raw, 0));
    let mut locals = Vec::new();
    for local in body.get_locals_reader().map_err(internal)? {
        let (count, ty) = local.map_err(internal)?;
        let ty = RoundtripReencoder.val_type(ty).map_err(internal)?;
        locals.extend(std::iter::repeat_n(ty, count as usize));
    }
    let start = body
        .get_binary_reader_for_operators()
        .map_err(internal)?
        .original_position();
    let code = &raw[start..];
    Ok(scan(code).map(|ops| Decoded { locals, code, ops }))
}

/// The operators of `code` that inlining reads, found by skipping every other
/// instruction by its encoding; `None` at an instruction the code generator does
/// not emit (the module is then left as it is).
fn scan(code: &[u8]) -> Option<Vec<(Op, Range<usize>)>> {
    let mut at = 0;
    let byte = |at: &mut usize| {
        let b = *code.get(*at)?;
        *at += 1;
        Some(b)
    };
    let leb = |at: &mut usize| {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = byte(at)?;
            if shift < 64 {
                value |= u64::from(b & 0x7f) << shift;
            }
            shift += 7;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
    };
    let index = |at: &mut usize| u32::try_from(leb(at)?).ok();
    let mut ops = Vec::new();
    while at < code.len() {
        let start = at;
        let op = match byte(&mut at)? {
            0x02..=0x04 => {
                leb(&mut at)?;
                Some(Op::Open)
            }
            0x0b => Some(Op::End),
            0x0f => Some(Op::Return),
            0x10 => Some(Op::Call(index(&mut at)?)),
            0x20 => Some(Op::LocalGet(index(&mut at)?)),
            0x21 => Some(Op::LocalSet(index(&mut at)?)),
            0x22 => Some(Op::LocalTee(index(&mut at)?)),
            0x00 | 0x01 | 0x05 | 0x1a | 0x1b | 0x45..=0xc4 => None,
            0x0c | 0x0d | 0x23 | 0x24 | 0x3f | 0x40 | 0x41 | 0x42 => {
                leb(&mut at)?;
                None
            }
            0x0e => {
                for _ in 0..=index(&mut at)? {
                    leb(&mut at)?;
                }
                None
            }
            0x28..=0x3e => {
                if leb(&mut at)? & 0x40 != 0 {
                    leb(&mut at)?;
                }
                leb(&mut at)?;
                None
            }
            0x43 => {
                at += 4;
                None
            }
            0x44 => {
                at += 8;
                None
            }
            0xfc => {
                let immediates = match index(&mut at)? {
                    0..=7 => 0,
                    9 | 11 => 1,
                    8 | 10 => 2,
                    _ => return None,
                };
                for _ in 0..immediates {
                    leb(&mut at)?;
                }
                None
            }
            _ => return None,
        };
        if let Some(op) = op {
            ops.push((op, start..at));
        }
    }
    (at == code.len()).then_some(ops)
}

/// The module's functions after inlining, and the new index of each function that
/// is left (by old position; `None` for an inlined one). `first` is the index of the
/// first defined function (after the imports).
pub fn inline(funcs: Vec<Func>, first: u32) -> Result<(Vec<Func>, Vec<Option<u32>>), CodegenError> {
    let raws: Vec<Vec<u8>> = funcs
        .iter()
        .map(|f| f.body.clone().into_raw_body())
        .collect();
    let decoded = raws
        .iter()
        .map(|raw| decode(raw))
        .collect::<Result<Option<Vec<_>>, _>>()?;
    let Some(decoded) = decoded else {
        let index = (first..).take(funcs.len()).map(Some).collect();
        return Ok((funcs, index));
    };
    let mut calls = vec![0u32; funcs.len()];
    for d in &decoded {
        for (op, _) in &d.ops {
            if let Op::Call(function_index) = op
                && let Some(i) = function_index.checked_sub(first)
                && let Some(n) = calls.get_mut(i as usize)
            {
                *n += 1;
            }
        }
    }
    let inlined: Vec<bool> = funcs
        .iter()
        .zip(&calls)
        .map(|(f, &n)| matches!(f.key, FnKey::Rt(_)) && n == 1 && f.results.len() <= 1)
        .collect();
    let mut next = first;
    let index: Vec<Option<u32>> = inlined
        .iter()
        .map(|&gone| {
            (!gone).then(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    let inliner = Inliner {
        funcs: &funcs,
        decoded: &decoded,
        inlined: &inlined,
        index: &index,
        first,
    };
    let mut kept = Vec::new();
    for (i, f) in funcs.iter().enumerate() {
        if inlined[i] {
            continue;
        }
        let mut out = Out {
            params: f.params.len() as u32,
            locals: decoded[i].locals.clone(),
            code: Vec::with_capacity(raws[i].len()),
        };
        inliner.expand(i, 0, false, &mut out, 0)?;
        let mut body = Function::new_with_locals_types(out.locals);
        body.raw(out.code);
        kept.push(Func {
            key: f.key,
            params: f.params.clone(),
            results: f.results.clone(),
            body,
        });
    }
    Ok((kept, index))
}

struct Inliner<'a> {
    funcs: &'a [Func],
    decoded: &'a [Decoded<'a>],
    inlined: &'a [bool],
    index: &'a [Option<u32>],
    first: u32,
}

/// The function being assembled.
struct Out {
    params: u32,
    locals: Vec<ValType>,
    code: Vec<u8>,
}

impl Out {
    fn push(&mut self, ins: Instruction<'_>) {
        ins.encode(&mut self.code);
    }

    /// A new local of type `ty`; returns its index.
    fn local(&mut self, ty: ValType) -> u32 {
        self.locals.push(ty);
        self.params + self.locals.len() as u32 - 1
    }
}

impl Inliner<'_> {
    /// Appends the code of function `i` to `out`, its locals moved up by `offset`; an
    /// inlined body's `return`s branch to the end of the block it is the body of.
    fn expand(
        &self,
        i: usize,
        offset: u32,
        inlined: bool,
        out: &mut Out,
        nesting: usize,
    ) -> Result<(), CodegenError> {
        if nesting > self.funcs.len() {
            return Err(internal("a cycle of single calls"));
        }
        let Decoded { code, ops, .. } = &self.decoded[i];
        let mut depth = 0u32;
        let mut copied = 0;
        for (op, range) in ops {
            out.code.extend_from_slice(&code[copied..range.start]);
            copied = range.end;
            match *op {
                Op::LocalGet(local) if offset > 0 => {
                    out.push(Instruction::LocalGet(local + offset))
                }
                Op::LocalSet(local) if offset > 0 => {
                    out.push(Instruction::LocalSet(local + offset))
                }
                Op::LocalTee(local) if offset > 0 => {
                    out.push(Instruction::LocalTee(local + offset))
                }
                Op::Return if inlined => out.push(Instruction::Br(depth)),
                Op::Call(function_index) => {
                    let callee = function_index
                        .checked_sub(self.first)
                        .map(|c| c as usize)
                        .filter(|&c| c < self.funcs.len());
                    match callee {
                        Some(c) if self.inlined[c] => self.call_inline(c, out, nesting)?,
                        Some(c) => {
                            let to = self.index[c].ok_or_else(|| internal("a call to nothing"))?;
                            out.push(Instruction::Call(to));
                        }
                        None => out.push(Instruction::Call(function_index)),
                    }
                }
                other => {
                    match other {
                        Op::Open => depth += 1,
                        Op::End => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    out.code.extend_from_slice(&code[range.clone()]);
                }
            }
        }
        out.code.extend_from_slice(&code[copied..]);
        Ok(())
    }

    /// Appends function `c` as a block, taking its arguments from the stack.
    fn call_inline(&self, c: usize, out: &mut Out, nesting: usize) -> Result<(), CodegenError> {
        let callee = &self.funcs[c];
        let base = out.params + out.locals.len() as u32;
        for &ty in &callee.params {
            out.local(ty);
        }
        for (k, &ty) in self.decoded[c].locals.iter().enumerate() {
            out.local(ty);
            out.push(match ty {
                ValType::I32 => Instruction::I32Const(0),
                ValType::I64 => Instruction::I64Const(0),
                ValType::F64 => Instruction::F64Const(0.0.into()),
                ValType::F32 => Instruction::F32Const(0.0.into()),
                other => return Err(internal(format!("a local of type {other:?}"))),
            });
            out.push(Instruction::LocalSet(
                base + callee.params.len() as u32 + k as u32,
            ));
        }
        for p in (0..callee.params.len() as u32).rev() {
            out.push(Instruction::LocalSet(base + p));
        }
        out.push(Instruction::Block(match callee.results.as_slice() {
            [] => BlockType::Empty,
            [ty] => BlockType::Result(*ty),
            _ => return Err(internal("a block of several results")),
        }));
        // The callee's own final `end` closes the block.
        self.expand(c, base, true, out, nesting + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytelogic_engine::{Limits, compile};
    use wasmparser::{Parser, Payload};

    /// The code of every defined function of the module `source` compiles to.
    fn bodies(source: &str) -> Vec<Vec<u8>> {
        let program = compile(source, &Limits::default())
            .program
            .expect("compiles");
        let wasm = crate::compile(&program).expect("generates").wasm;
        wasmparser::validate(&wasm).expect("valid");
        let mut bodies = Vec::new();
        for payload in Parser::new(0).parse_all(&wasm) {
            if let Payload::CodeSectionEntry(body) = payload.expect("parses") {
                let start = body
                    .get_binary_reader_for_operators()
                    .expect("code")
                    .original_position();
                let range = body.range();
                bodies.push(wasm[start..range.end].to_vec());
            }
        }
        bodies
    }

    #[test]
    fn knows_every_instruction_the_generator_emits_and_inlines() {
        let sources = [
            "REL e\nREL t\nFACT e 1 2\nRULE t: SCAN e, EMIT t $0 $1\nRULE t: SCAN t, JOIN e $1, EMIT t $0 $2\nSOLVE\nQUERY t ? ?",
            "REL p\nFACT p a 1.5\nFACT p b -2\nQUERY p ? ?\nRESULT \"a\" + \"b\"\nRESULT LENGTH(\"ab\")",
            "RESULT SIN(1) + 5 % 2 + FLOOR(1.5) + ROUND(1.55, 1) + POW(2, 0.5) + SQRT(2) + ABS(-3)",
            "REL r\nFACT r 1 2\nCALC f\nINPUT $n\nFOR t IN (QUERY r ? ?)\nLET $n = $n + t.a\nEND\nIF $n < 1 THEN RESULT 0 ELSE RESULT CALC f($n - 1) END\nEND\nRESULT CALC f(3)",
        ];
        for source in sources {
            let bodies = bodies(source);
            for code in &bodies {
                assert!(scan(code).is_some(), "an unknown instruction in {source:?}");
            }
            // `run`, `solve` and the helpers called from several places are left.
            assert!(
                bodies.len() < 20,
                "{} functions for {source:?}",
                bodies.len()
            );
        }
    }
}
