//! Decoding a finished (or trapped) run: the error slot, the output records, the
//! run-time Symbols and the counters become the engine's [`RunResult`]. What the host
//! allocates is charged to the run's account, and the clock is read as it goes
//! (docs/decisions.md 104): a run-time Symbol is decoded only when an output holds
//! it, an error message reads no more of one than it shows, and an output that does
//! not fit ends the outputs with E405 at its statement (E404 when decoding, and
//! printing what was decoded, would go on [`GRACE`] past the time limit).

use super::WasmError;
use bytelogic_codegen::Site;
use bytelogic_codegen::abi::{self, Detail};
use bytelogic_engine::fault::{Bound, Fault, SymbolTexts, Unaggregable, What};
use bytelogic_engine::ir::{AggFunc, Program, Step};
use bytelogic_engine::output::answer_bytes;
use bytelogic_engine::{
    Account, Code, Diagnostic, Output, QueryAnswer, RunResult, Span, Stats, Sym, Symbols, Tuples,
    Value,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Per decoded run-time Symbol, on top of its text (as the interpreter's estimate).
const SYMBOL_OVERHEAD: u64 = 16;
/// Values decoded between two readings of the clock.
const VALUES_PER_CHECK: u64 = 1 << 16;
/// How long past the time limit the outputs of a run may still be decoded: a run
/// stopped by the limit has its outputs recorded, and they are reported with E404.
const GRACE: Duration = Duration::from_millis(50);

/// What the run left in its instance, read after `run` returned or trapped.
pub(super) struct Finished<'m> {
    /// The module's linear memory.
    pub(super) memory: &'m [u8],
    /// The counters.
    pub(super) stats: Stats,
    /// The Symbol table: address and length (entries).
    pub(super) symbols: (u32, u32),
    /// The output records: address and count.
    pub(super) outputs: (u32, u32),
    /// The site the run was at (for a trap without an error in the slot).
    pub(super) site: usize,
    /// The trap that ended the run, if it did not return.
    pub(super) trap: Option<Ended>,
}

/// How a run that did not return ended, besides an error in its slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ended {
    /// Stopped at the time limit.
    Interrupted,
    /// Anything else (the slot says what, or the trap is a bug).
    Other,
}

/// Why decoding stopped: a limit of the run, or a module that broke the ABI.
enum Stop {
    Limit(Fault),
    Broken(WasmError),
}

impl From<WasmError> for Stop {
    fn from(e: WasmError) -> Stop {
        Stop::Broken(e)
    }
}

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

    /// The value at `at` (tag 0 is `None`); a Symbol keeps the module's id.
    fn raw(&self, at: u32) -> Result<Option<Value>, WasmError> {
        raw_value(self.bytes(at, abi::VALUE_SIZE)?)
    }
}

/// The value in the [`abi::VALUE_SIZE`] bytes of `bytes` (tag at +0, payload at
/// +8; tag 0 is `None`); a Symbol keeps the module's id.
fn raw_value(bytes: &[u8]) -> Result<Option<Value>, WasmError> {
    let (tag, payload) = tag_and_payload(bytes);
    Ok(match tag {
        abi::TAG_NONE => None,
        abi::TAG_INT => Some(Value::Int(payload)),
        abi::TAG_FLOAT => Some(Value::Float(f64::from_bits(payload as u64))),
        abi::TAG_SYM => Some(Value::Sym(Sym(u32::try_from(payload)
            .map_err(|_| WasmError::Engine(format!("unknown Symbol {payload}")))?))),
        t => return Err(WasmError::Engine(format!("bad value tag {t}"))),
    })
}

/// The tag and the payload of the value in the [`abi::VALUE_SIZE`] bytes of `bytes`.
#[inline]
fn tag_and_payload(bytes: &[u8]) -> (i32, i64) {
    let tag = i32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    let mut payload = [0u8; 8];
    payload.copy_from_slice(&bytes[8..16]);
    (tag, i64::from_le_bytes(payload))
}

/// E404 once the outputs, and the time printing those decoded takes (kept aside on
/// the account), would take more than their [`GRACE`] past the run's time limit.
fn check_time(account: &Account) -> Result<(), Stop> {
    let late = account
        .deadline()
        .and_then(|d| d.checked_add(GRACE))
        .is_some_and(|d| {
            Instant::now()
                .checked_add(account.kept_aside())
                .is_none_or(|end| end >= d)
        });
    if late {
        return Err(Stop::Limit(Fault::new(Code::E404, What::Time)));
    }
    Ok(())
}

/// The run's Symbols: the program's, plus each run-time Symbol an output holds,
/// decoded (and charged) when first met.
struct RunSymbols<'a> {
    mem: &'a Mem<'a>,
    /// The module's Symbol table and its length.
    table: (u32, u32),
    written: u32,
    symbols: Symbols,
    decoded: HashMap<u32, Sym>,
}

impl<'a> RunSymbols<'a> {
    /// The text of the module's Symbol `id` in linear memory.
    fn text(&self, id: u32) -> Result<&'a str, WasmError> {
        if id >= self.table.1 {
            return Err(WasmError::Engine(format!("unknown Symbol {id}")));
        }
        let mem: &'a Mem<'a> = self.mem;
        let entry = self.table.0 + id * abi::SYM_ENTRY;
        let text = mem.bytes(mem.u32(entry)?, mem.u32(entry + 4)?)?;
        std::str::from_utf8(text).map_err(|e| WasmError::Engine(e.to_string()))
    }

    /// The host's value for a value of the module, interning (and charging) a
    /// run-time Symbol the first time. Inlined: most values are Ints, Floats and
    /// written Symbols, which are the host's as they are, and an answer decodes
    /// thousands (a call that returns the large `Result` took a tenth of decoding).
    #[inline]
    fn value(&mut self, v: Value, account: &mut Account) -> Result<Value, Stop> {
        match v {
            Value::Sym(Sym(id)) if id >= self.written => self.run_time_symbol(id, account),
            v => Ok(v),
        }
    }

    /// The host's Symbol for the module's run-time Symbol `id`, interned (and
    /// charged) the first time it is met.
    #[cold]
    fn run_time_symbol(&mut self, id: u32, account: &mut Account) -> Result<Value, Stop> {
        if let Some(&sym) = self.decoded.get(&id) {
            return Ok(Value::Sym(sym));
        }
        let text = self.text(id)?;
        account
            .charge(text.len() as u64 + SYMBOL_OVERHEAD)
            .map_err(Stop::Limit)?;
        let (sym, _) = self
            .symbols
            .intern_made(text.to_string(), || check_time(account))?;
        self.decoded.insert(id, sym);
        Ok(Value::Sym(sym))
    }
}

/// A message's view of the module's Symbols: written ones from the program, run-time
/// ones read from linear memory only as far as the message shows them.
impl SymbolTexts for RunSymbols<'_> {
    fn head(&self, sym: Sym, max: usize) -> (Cow<'_, str>, usize) {
        let text = if sym.0 < self.written {
            self.symbols.resolve(sym)
        } else {
            self.text(sym.0).unwrap_or("")
        };
        let end = text
            .char_indices()
            .nth(max)
            .map_or(text.len(), |(at, _)| at);
        // Counting characters reads the text once, without copying it.
        (Cow::Borrowed(&text[..end]), text.chars().count())
    }
}

/// Builds the run's result from what it left, charging `account`; `sites` locate
/// its error.
pub(super) fn result(
    finished: &Finished<'_>,
    program: &Program,
    sites: &[Site],
    account: &mut Account,
) -> Result<RunResult, WasmError> {
    let mem = Mem(finished.memory);
    let mut symbols = RunSymbols {
        mem: &mem,
        table: finished.symbols,
        written: program.symbols.written(),
        symbols: program.symbols.clone(),
        decoded: HashMap::new(),
    };
    let mut error = slot_error(&mem, &symbols, finished, sites, account)?;
    let mut outputs = Vec::with_capacity(finished.outputs.1.min(1 << 16) as usize);
    let mut spans = output_spans(program);
    for i in 0..finished.outputs.1 {
        let span = spans.next().unwrap_or_default();
        let rec = mem.u32(finished.outputs.0 + 4 * i)?;
        let kept = output(&mem, rec, program, &mut symbols, account).and_then(|output| {
            // Printing it must end in time too (docs/decisions.md 243).
            account.keep_aside(output.printing_time(&symbols.symbols));
            check_time(account)?;
            Ok(output)
        });
        match kept {
            Ok(output) => outputs.push(output),
            Err(Stop::Broken(e)) => return Err(e),
            Err(Stop::Limit(fault)) => {
                // The host could not hold this output: the run ends here, with the
                // outputs before it.
                error = Some(account.limit_error(&fault, span));
                break;
            }
        }
    }
    Ok(RunResult {
        outputs,
        error,
        stats: finished.stats,
        symbols: symbols.symbols,
    })
}

/// The spans of the statements that record outputs (QUERY, RESULT), in order.
fn output_spans(program: &Program) -> impl Iterator<Item = Span> + '_ {
    program.steps.iter().filter_map(|step| match step {
        Step::Query { span, .. } | Step::Result { span, .. } => Some(*span),
        _ => None,
    })
}

/// The run's error: what the module stored in its error slot, else what the trap
/// says (the time limit), worded by the engine.
fn slot_error(
    mem: &Mem<'_>,
    symbols: &RunSymbols<'_>,
    finished: &Finished<'_>,
    sites: &[Site],
    account: &Account,
) -> Result<Option<Diagnostic>, WasmError> {
    let at = abi::ERR;
    let code = mem.u32(at + abi::ERR_CODE)?;
    if code == 0 {
        return match finished.trap {
            None => Ok(None),
            Some(Ended::Interrupted) => {
                let span = sites.get(finished.site).map_or(Span::default(), |s| s.span);
                Ok(Some(
                    account.limit_error(&Fault::new(Code::E404, What::Time), span),
                ))
            }
            Some(Ended::Other) => Err(WasmError::Engine("the run trapped".into())),
        };
    }
    let code = Code::parse(&format!("E{code}"))
        .ok_or_else(|| WasmError::Engine(format!("unknown error code {code}")))?;
    let site = sites.get(mem.u32(at + abi::ERR_SITE)? as usize);
    let name = site.and_then(|s| s.name.clone());
    let detail = Detail::decode(mem.u32(at + abi::ERR_DETAIL)? as i32);
    let (a, b) = (mem.raw(at + abi::ERR_A)?, mem.raw(at + abi::ERR_B)?);
    let what = what(code, detail, a, b, name)
        .ok_or_else(|| WasmError::Engine(format!("the error slot holds {code} with {detail:?}")))?;
    let fault = Fault {
        code,
        what,
        operands: site.map_or([None, None], |s| s.operands.clone()),
    };
    let span = Span::new(mem.u32(at + abi::ERR_START)?, mem.u32(at + abi::ERR_END)?);
    Ok(Some(fault.diagnostic(span, account.limits(), symbols)))
}

/// What failed, from the error slot's code, detail and operands and the site's
/// name; `None` for a combination no module stores.
fn what(
    code: Code,
    detail: Detail,
    a: Option<Value>,
    b: Option<Value>,
    name: Option<String>,
) -> Option<What> {
    let named = || name.clone().unwrap_or_else(|| "?".to_string());
    Some(match (detail, code) {
        (Detail::BinOp(op), _) => What::Binary(op, a, b),
        (Detail::Neg, _) => What::Neg(a),
        (Detail::Builtin(builtin), _) => What::Builtin(builtin, a, b),
        (Detail::RoundDigits, _) => What::RoundDigits(a),
        (Detail::RangeBound, _) => What::RangeBound(
            match b {
                Some(Value::Int(0)) => Bound::Start,
                Some(Value::Int(1)) => Bound::End,
                _ => Bound::Step,
            },
            a,
        ),
        (Detail::Aggregate(func), code) => {
            What::Aggregate(func, named(), unaggregable(func, code, a, b)?)
        }
        (Detail::GlobalVar, _) => What::Global(named()),
        (Detail::TupleVar, _) => What::TupleOutsideLoop,
        (Detail::LocalVar, _) | (Detail::None, Code::E208) => What::Local(named()),
        (Detail::None, Code::E206) => What::NoResult(named()),
        (Detail::None, Code::E207) => What::ZeroStep,
        (Detail::None, Code::E303) => {
            let name = named();
            let (column, arity) = name.split_once(' ')?;
            What::Column {
                column: column.parse().ok()?,
                arity: arity.parse().ok()?,
            }
        }
        (Detail::None, Code::E401) => What::Steps,
        (Detail::None, Code::E402) => What::Tuples(named()),
        (Detail::None, Code::E403) => What::Depth(named()),
        (Detail::None, Code::E404) => What::Time,
        (Detail::None, Code::E405) => What::Memory(None),
        _ => return None,
    })
}

/// Why an aggregate (spec §9.2) failed, from the error slot's code and operands: for
/// E202 operand A holds the total's low 64 bits and B its high ones.
fn unaggregable(
    func: AggFunc,
    code: Code,
    a: Option<Value>,
    b: Option<Value>,
) -> Option<Unaggregable> {
    let half = |v: Option<Value>| match v {
        Some(Value::Int(i)) => Some(i),
        _ => None,
    };
    Some(match code {
        Code::E209 => Unaggregable::EmptyGroup,
        Code::E203 if matches!(func, AggFunc::Min | AggFunc::Max) => Unaggregable::MixedGroup,
        Code::E203 => Unaggregable::Symbol(a),
        Code::E202 => Unaggregable::Overflow(half(b).zip(half(a)).map(|(hi, lo)| (hi, lo as u64))),
        Code::E205 => Unaggregable::NotFinite,
        _ => return None,
    })
}

/// The output record at `rec`, its values decoded; its answer is charged to the
/// account before it is built, and the clock read as it goes.
fn output(
    mem: &Mem<'_>,
    rec: u32,
    program: &Program,
    symbols: &mut RunSymbols<'_>,
    account: &mut Account,
) -> Result<Output, Stop> {
    check_time(account)?;
    if mem.u32(rec + abi::OUT_KIND)? == 0 {
        let value = mem.raw(rec + abi::OUT_VALUE)?.ok_or_else(missing)?;
        return Ok(Output::Result(symbols.value(value, account)?));
    }
    let rel = mem.u32(rec + abi::OUT_REL)? as usize;
    let relation = program
        .relations
        .get(rel)
        .ok_or_else(|| WasmError::Engine(format!("unknown relation {rel}")))?;
    let arity = mem.u32(rec + abi::OUT_ARITY)?;
    let width = mem.u32(rec + abi::OUT_WIDTH)?;
    let count = mem.u32(rec + abi::OUT_COUNT)?;
    let rows = mem.u32(rec + abi::OUT_ROWS)?;
    let mut args = Vec::with_capacity(arity as usize);
    for i in 0..arity {
        let arg = mem.raw(rec + abi::OUT_ARGS + i * abi::VALUE_SIZE)?;
        args.push(arg.map(|v| symbols.value(v, account)).transpose()?);
    }
    let answer = match width {
        0 => QueryAnswer::Truth(count > 0),
        width => {
            let answer = answer_bytes(u64::from(count), u64::from(width));
            account.charge(answer).map_err(Stop::Limit)?;
            let values = values(
                mem,
                rows,
                u64::from(count) * u64::from(width),
                symbols,
                account,
            )?;
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

/// The `n` values at `at`, none of them `?` (a QUERY answer's rows): the block is
/// bounds-checked once, and the vector allocated once at its final size.
fn values(
    mem: &Mem<'_>,
    at: u32,
    n: u64,
    symbols: &mut RunSymbols<'_>,
    account: &mut Account,
) -> Result<Vec<Value>, Stop> {
    let bytes = n
        .checked_mul(u64::from(abi::VALUE_SIZE))
        .and_then(|b| u32::try_from(b).ok())
        .ok_or_else(|| WasmError::Engine(format!("{n} result values")))?;
    let block = mem.bytes(at, bytes)?;
    let mut values = Vec::with_capacity(n as usize);
    for (i, v) in block.chunks_exact(abi::VALUE_SIZE as usize).enumerate() {
        if (i as u64 + 1).is_multiple_of(VALUES_PER_CHECK) {
            check_time(account)?;
        }
        // An Int is pushed as it is read: through the general path, whose branches
        // join before the push, the value went through the stack in two halves and
        // was read back whole (a store-forwarding stall per value).
        match tag_and_payload(v) {
            (abi::TAG_INT, payload) => values.push(Value::Int(payload)),
            _ => values.push(answer_value(v, symbols, account)?),
        }
    }
    Ok(values)
}

/// An answer's value other than an Int (a run-time Symbol interned when first met).
#[inline(never)]
fn answer_value(
    bytes: &[u8],
    symbols: &mut RunSymbols<'_>,
    account: &mut Account,
) -> Result<Value, Stop> {
    let value = raw_value(bytes)?.ok_or_else(missing)?;
    symbols.value(value, account)
}

fn missing() -> WasmError {
    WasmError::Engine("missing value".into())
}
