//! Decoding a finished (or trapped) run: the error slot, the output records, the
//! run-time Symbols and the counters become the engine's [`RunResult`].

use super::message::{Fault, diagnostic};
use super::{HostState, WasmError};
use bytelogic_codegen::Site;
use bytelogic_codegen::abi::{self, Detail, Global};
use bytelogic_engine::ir::Program;
use bytelogic_engine::{
    Code, Limits, Output, QueryAnswer, RunResult, Span, Stats, Sym, Symbols, Tuples, Value,
};
use wasmtime::{Instance, Store, Trap, Val};

/// Little-endian reads from the module's memory, bounds-checked.
struct Mem<'a>(&'a [u8]);

impl Mem<'_> {
    fn bytes(&self, at: u32, n: u32) -> Result<&[u8], WasmError> {
        let (at, n) = (at as usize, n as usize);
        self.0
            .get(at..at.saturating_add(n))
            .ok_or_else(|| WasmError::Engine(format!("result address {at} out of bounds")))
    }

    fn u32(&self, at: u32) -> Result<u32, WasmError> {
        let b = self.bytes(at, 4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The value at `at` (tag 0 is `None`), Symbol ids mapped through `syms`.
    fn value(&self, at: u32, syms: &[Sym]) -> Result<Option<Value>, WasmError> {
        value(self.bytes(at, abi::VALUE_SIZE)?, syms)
    }

    /// The `n` values at `at`, none of them `?` (a QUERY answer's rows): the block is
    /// bounds-checked once and decoded value by value.
    fn some_values(&self, at: u32, n: u64, syms: &[Sym]) -> Result<Vec<Value>, WasmError> {
        let bytes = n
            .checked_mul(u64::from(abi::VALUE_SIZE))
            .and_then(|b| u32::try_from(b).ok())
            .ok_or_else(|| WasmError::Engine(format!("{n} result values")))?;
        // A loop rather than `collect` into a `Result`, whose size hint is 0: the
        // vector is allocated once at its final size.
        let mut values = Vec::with_capacity(n as usize);
        for v in self
            .bytes(at, bytes)?
            .chunks_exact(abi::VALUE_SIZE as usize)
        {
            values.push(value(v, syms)?.ok_or_else(missing)?);
        }
        Ok(values)
    }

    fn some_value(&self, at: u32, syms: &[Sym]) -> Result<Value, WasmError> {
        self.value(at, syms)?.ok_or_else(missing)
    }
}

fn missing() -> WasmError {
    WasmError::Engine("missing value".into())
}

/// The value in the [`abi::VALUE_SIZE`] bytes of `bytes` (tag at +0, payload at +8;
/// tag 0 is `None`), Symbol ids mapped through `syms`.
fn value(bytes: &[u8], syms: &[Sym]) -> Result<Option<Value>, WasmError> {
    let tag = i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    let mut payload = [0u8; 8];
    payload.copy_from_slice(&bytes[8..16]);
    let payload = i64::from_le_bytes(payload);
    Ok(match tag {
        abi::TAG_NONE => None,
        abi::TAG_INT => Some(Value::Int(payload)),
        abi::TAG_FLOAT => Some(Value::Float(f64::from_bits(payload as u64))),
        abi::TAG_SYM => {
            Some(Value::Sym(*syms.get(payload as usize).ok_or_else(
                || WasmError::Engine(format!("unknown Symbol {payload}")),
            )?))
        }
        t => return Err(WasmError::Engine(format!("bad value tag {t}"))),
    })
}

fn global(store: &mut Store<HostState>, instance: &Instance, g: Global) -> Result<i64, WasmError> {
    let global = instance
        .get_global(&mut *store, g.name())
        .ok_or_else(|| WasmError::Engine(format!("no global `{}`", g.name())))?;
    match global.get(&mut *store) {
        Val::I32(x) => Ok(i64::from(x as u32)),
        Val::I64(x) => Ok(x),
        _ => Err(WasmError::Engine(format!(
            "global `{}` has a bad type",
            g.name()
        ))),
    }
}

/// Builds the run's result from the instance after `run` returned or trapped.
pub(super) fn result(
    store: &mut Store<HostState>,
    instance: &Instance,
    program: &Program,
    sites: &[Site],
    limits: &Limits,
    trap: Option<Trap>,
) -> Result<RunResult, WasmError> {
    let mut g = |which| global(store, instance, which);
    let stats = Stats {
        tuples: g(Global::Tuples)? as u64,
        iterations: g(Global::Iterations)? as u64,
        steps: g(Global::Steps)? as u64,
    };
    let (sym_ptr, sym_len) = (g(Global::SymPtr)? as u32, g(Global::SymLen)? as u32);
    let (out_ptr, out_len) = (g(Global::OutPtr)? as u32, g(Global::OutLen)? as u32);
    let site_now = g(Global::Site)? as usize;
    let memory = instance
        .get_memory(&mut *store, abi::EXPORT_MEMORY)
        .ok_or_else(|| WasmError::Engine("no memory export".into()))?;
    let mem = Mem(memory.data(&*store));

    // Run-time Symbols: re-interned, in id order, after the program's own.
    let mut symbols: Symbols = program.symbols.clone();
    let written = program.symbols.written();
    let mut syms: Vec<Sym> = (0..written).map(Sym).collect();
    for id in written..sym_len.max(written) {
        let entry = sym_ptr + id * abi::SYM_ENTRY;
        let text = mem.bytes(mem.u32(entry)?, mem.u32(entry + 4)?)?;
        let text = std::str::from_utf8(text).map_err(|e| WasmError::Engine(e.to_string()))?;
        syms.push(symbols.intern(text));
    }

    let mut outputs = Vec::with_capacity(out_len as usize);
    for i in 0..out_len {
        let rec = mem.u32(out_ptr + 4 * i)?;
        outputs.push(match mem.u32(rec + abi::OUT_KIND)? {
            0 => Output::Result(mem.some_value(rec + abi::OUT_VALUE, &syms)?),
            _ => query(&mem, rec, program, &syms)?,
        });
    }

    let code = mem.u32(abi::ERR + abi::ERR_CODE)?;
    let error = if code != 0 {
        let code = Code::parse(&format!("E{code}"))
            .ok_or_else(|| WasmError::Engine(format!("unknown error code {code}")))?;
        let at = abi::ERR;
        let site = sites.get(mem.u32(at + abi::ERR_SITE)? as usize);
        let fault = Fault {
            code,
            span: Span::new(mem.u32(at + abi::ERR_START)?, mem.u32(at + abi::ERR_END)?),
            detail: Detail::decode(mem.u32(at + abi::ERR_DETAIL)? as i32),
            a: mem.value(at + abi::ERR_A, &syms)?,
            b: mem.value(at + abi::ERR_B, &syms)?,
            name: site.and_then(|s| s.name.clone()),
            operands: site.map_or([None, None], |s| s.operands.clone()),
        };
        Some(diagnostic(&fault, limits, &symbols))
    } else if let Some(trap) = trap {
        let code = match trap {
            Trap::Interrupt => Code::E404,
            Trap::StackOverflow => Code::E403,
            other => return Err(WasmError::Engine(format!("unexpected trap: {other}"))),
        };
        let fault = Fault {
            code,
            span: sites.get(site_now).map_or(Span::default(), |s| s.span),
            detail: Detail::None,
            a: None,
            b: None,
            name: None,
            operands: [None, None],
        };
        Some(diagnostic(&fault, limits, &symbols))
    } else {
        None
    };
    Ok(RunResult {
        outputs,
        error,
        stats,
        symbols,
    })
}

fn query(mem: &Mem<'_>, rec: u32, program: &Program, syms: &[Sym]) -> Result<Output, WasmError> {
    let rel = mem.u32(rec + abi::OUT_REL)? as usize;
    let relation = program
        .relations
        .get(rel)
        .ok_or_else(|| WasmError::Engine(format!("unknown relation {rel}")))?;
    let arity = mem.u32(rec + abi::OUT_ARITY)?;
    let width = mem.u32(rec + abi::OUT_WIDTH)?;
    let count = mem.u32(rec + abi::OUT_COUNT)?;
    let rows = mem.u32(rec + abi::OUT_ROWS)?;
    let args = (0..arity)
        .map(|i| mem.value(rec + abi::OUT_ARGS + i * abi::VALUE_SIZE, syms))
        .collect::<Result<Vec<_>, _>>()?;
    let answer = match width {
        0 => QueryAnswer::Truth(count > 0),
        width => {
            let values = mem.some_values(rows, u64::from(count) * u64::from(width), syms)?;
            match width {
                1 => QueryAnswer::Values(values),
                width => QueryAnswer::Tuples(Tuples::from_values(width as usize, values)),
            }
        }
    };
    Ok(Output::Query {
        relation: relation.name.clone(),
        args,
        answer,
    })
}
