//! How much native stack a compiled run can need (docs/decisions.md 105), so that
//! the CALC depth limit, not the stack, ends a deep recursion: the same E403 at the
//! same call as the interpreter. Read from the module: each function's frame is
//! bounded by its locals (and, for a function on a call cycle, by the values its
//! operand stack holds at most, which a baseline compiler spills around calls), and
//! the call graph's cycles (recursive CALCs) repeat at most `max_depth + 1` times
//! (the failing call's frame is entered before its check), everything else at most
//! once along the deepest chain of calls.

use super::WasmError;
use wasmparser::{Operator, Parser, Payload, ValidPayload, Validator};

/// Stack of one frame besides its locals: return address, saved registers, the
/// values a baseline compiler spills around calls (measured frames are far smaller:
/// about 80 bytes for a small recursive CALC, 3.7 KiB with 250 nested loops).
const FRAME_BASE: u64 = 1024;
/// Stack per parameter or local: a slot of at most 8 bytes (Winch gives each local
/// one; Cranelift keeps them in registers or spill slots of that size). Measured:
/// a CALC of 8,010 locals takes about 37 KiB a call on Winch's code.
const LOCAL_BYTES: u64 = 8;
/// Stack per value on the operand stack of a function on a call cycle (an 8-byte
/// spill slot, counted twice for alignment and the copies made around a call).
const OPERAND_BYTES: u64 = 16;
/// Room for what the module for long runs adds to a chain of calls (its extra
/// helpers), and for wasmtime's own entry frames.
const MARGIN: u64 = 256 << 10;

/// The stack a module's run can need: a chain of calls that happen once, and the
/// frame a recursive call adds each time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StackNeeds {
    /// The deepest chain of calls, counting each recursive cycle's frames once less.
    base: u64,
    /// The largest frame of a function on a call cycle (0 when there is none).
    per_call: u64,
}

impl StackNeeds {
    /// The needs of `wasm` (a module the code generator made).
    pub(super) fn of(wasm: &[u8]) -> Result<StackNeeds, WasmError> {
        let engine = |e: wasmparser::BinaryReaderError| WasmError::Engine(e.to_string());
        let mut graph = CallGraph::read(wasm).map_err(engine)?;
        let components = graph.components();
        let on_cycles = graph.on_cycles(&components);
        if on_cycles.iter().any(|&c| c) {
            graph.add_operand_stacks(wasm, &on_cycles).map_err(engine)?;
        }
        Ok(graph.needs(&components))
    }

    /// The bytes of stack a run with CALC depth limit `max_depth` can use.
    pub(super) fn at_depth(&self, max_depth: u32) -> u64 {
        self.base + MARGIN + (u64::from(max_depth) + 1) * self.per_call
    }
}

/// The module's defined functions: the frame bound of each and whom it calls.
struct CallGraph {
    frames: Vec<u64>,
    calls: Vec<Vec<usize>>,
}

impl CallGraph {
    fn read(wasm: &[u8]) -> wasmparser::Result<CallGraph> {
        let mut imported = 0usize;
        let mut params: Vec<u64> = Vec::new();
        let mut types: Vec<u32> = Vec::new();
        let mut graph = CallGraph {
            frames: Vec::new(),
            calls: Vec::new(),
        };
        for payload in Parser::new(0).parse_all(wasm) {
            match payload? {
                Payload::TypeSection(reader) => {
                    for group in reader {
                        for ty in group?.into_types() {
                            let count = ty.unwrap_func().params().len();
                            params.push(count as u64);
                        }
                    }
                }
                Payload::ImportSection(reader) => {
                    imported += reader.into_iter().count();
                }
                Payload::FunctionSection(reader) => {
                    for ty in reader {
                        types.push(ty?);
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let f = graph.frames.len();
                    let mut locals = params
                        .get(types.get(f).copied().unwrap_or(0) as usize)
                        .copied()
                        .unwrap_or(0);
                    for local in body.get_locals_reader()? {
                        locals += u64::from(local?.0);
                    }
                    let mut callees = Vec::new();
                    for op in body.get_operators_reader()? {
                        if let Operator::Call { function_index } = op? {
                            let index = function_index as usize;
                            if let Some(callee) = index.checked_sub(imported) {
                                callees.push(callee);
                            }
                        }
                    }
                    callees.sort_unstable();
                    callees.dedup();
                    graph.frames.push(FRAME_BASE + LOCAL_BYTES * locals);
                    graph.calls.push(callees);
                }
                _ => {}
            }
        }
        Ok(graph)
    }

    /// Which functions are on a call cycle (alone when they call themselves).
    fn on_cycles(&self, components: &[Vec<usize>]) -> Vec<bool> {
        let mut on = vec![false; self.frames.len()];
        for members in components {
            if members.len() > 1 || self.calls[members[0]].contains(&members[0]) {
                members.iter().for_each(|&f| on[f] = true);
            }
        }
        on
    }

    /// Adds to the frame of each function in `which` the most values its operand
    /// stack holds, found by validating its body (the module's other bodies are
    /// not read).
    fn add_operand_stacks(&mut self, wasm: &[u8], which: &[bool]) -> wasmparser::Result<()> {
        let mut validator = Validator::new();
        let mut f = 0;
        for payload in Parser::new(0).parse_all(wasm) {
            if let ValidPayload::Func(to_validate, body) = validator.payload(&payload?)? {
                if which.get(f).copied().unwrap_or(false) {
                    let mut func = to_validate.into_validator(Default::default());
                    for local in body.get_locals_reader()? {
                        let (count, ty) = local?;
                        func.define_locals(0, count, ty)?;
                    }
                    let mut most = 0;
                    let mut ops = body.get_operators_reader()?;
                    while !ops.eof() {
                        let (op, at) = ops.read_with_offset()?;
                        func.op(at, &op)?;
                        most = most.max(func.operand_stack_height());
                    }
                    self.frames[f] += OPERAND_BYTES * u64::from(most);
                }
                f += 1;
            }
        }
        Ok(())
    }

    /// The needs: the deepest chain through the graph of `components`.
    fn needs(&self, components: &[Vec<usize>]) -> StackNeeds {
        let n = self.frames.len();
        let mut component_of = vec![0; n];
        for (c, members) in components.iter().enumerate() {
            for &f in members {
                component_of[f] = c;
            }
        }
        let on_cycles = self.on_cycles(components);
        let mut per_call = 0;
        // Tarjan's order is reversed topological: a component comes after every
        // component it calls, so each one's deepest chain is known when it is reached.
        let mut deepest = vec![0u64; components.len()];
        for (c, members) in components.iter().enumerate() {
            let cycle = on_cycles[members[0]];
            let largest = members.iter().map(|&f| self.frames[f]).max().unwrap_or(0);
            if cycle {
                per_call = per_call.max(largest);
            }
            let below = members
                .iter()
                .flat_map(|&f| &self.calls[f])
                .map(|&g| component_of[g])
                .filter(|&d| d != c)
                .map(|d| deepest[d])
                .max()
                .unwrap_or(0);
            deepest[c] = below + if cycle { 0 } else { largest };
        }
        StackNeeds {
            base: deepest.into_iter().max().unwrap_or(0),
            per_call,
        }
    }

    /// Strongly connected components, each after every component it calls.
    fn components(&self) -> Vec<Vec<usize>> {
        let calls: Vec<Vec<usize>> = self
            .calls
            .iter()
            .map(|c| {
                c.iter()
                    .copied()
                    .filter(|&g| g < self.calls.len())
                    .collect()
            })
            .collect();
        let component = bytelogic_engine::stratify::tarjan(&calls);
        let mut components = vec![Vec::new(); component.iter().max().map_or(0, |&c| c + 1)];
        for (f, &c) in component.iter().enumerate() {
            components[c].push(f);
        }
        components
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(frames: &[u64], calls: &[&[usize]]) -> StackNeeds {
        let graph = CallGraph {
            frames: frames.to_vec(),
            calls: calls.iter().map(|c| c.to_vec()).collect(),
        };
        graph.needs(&graph.components())
    }

    #[test]
    fn a_chain_counts_each_frame_once() {
        let needs = graph(&[10, 20, 30, 5], &[&[1, 3], &[2], &[], &[]]);
        assert_eq!(
            needs,
            StackNeeds {
                base: 60,
                per_call: 0
            }
        );
    }

    #[test]
    fn cycles_count_their_largest_frame_per_call() {
        // 0 → 1 ⇄ 2 → 3, and 2 calls itself too.
        let needs = graph(&[10, 100, 40, 7], &[&[1], &[2], &[1, 2, 3], &[]]);
        assert_eq!(
            needs,
            StackNeeds {
                base: 17,
                per_call: 100
            }
        );
        assert_eq!(needs.at_depth(9), 17 + MARGIN + 1000);
    }
}
