//! Module assembly: the function registry (every function gets its index on first
//! use and its body is emitted afterwards), function shapes, math imports, error
//! sites, the static memory layout and the final sections.

use crate::abi::{self, Global};
use crate::inline::{Func, inline};
use crate::rt::Helper;
use crate::{CodegenError, Site};
use bytelogic_engine::ir::{Builtin, ExprKind, Program};
use bytelogic_engine::span::Span;
use std::collections::HashMap;
use wasm_encoder::{
    CodeSection, ConstExpr, DataCountSection, DataSection, EntityType, ExportKind, ExportSection,
    Function, FunctionSection, GlobalSection, GlobalType, ImportSection, InstructionSink,
    MemorySection, MemoryType, TypeSection, ValType,
};

/// A function of the module, by what it implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FnKey {
    /// A runtime helper.
    Rt(Helper),
    /// A CALC function.
    Calc(u32),
    /// Plan `plan` of rule `rule` (0 = initial, 1.. = delta variants).
    Plan(u32, u32),
    /// `solve(rules: i32)`: the fixpoint of every stratum.
    Solve,
    /// The exported `run`.
    Run,
}

/// Parameter lists, with their results, that every shorter list with the same
/// results and a prefix of them is padded to (docs/decisions.md 67). wasmtime
/// compiles a trampoline for every function type of a module, with Cranelift even
/// when Winch compiles the functions, so each type costs a cold compilation about
/// 35 µs; padding puts most helpers in a few types. The padding parameters are
/// never read, callers pass zeros ([`CallExt::call_fn`]), and the shapes stop at
/// four `i32` parameters so hot helpers keep their arguments in registers.
const SHAPES: [(&[ValType], &[ValType]); 6] = {
    use ValType::{I32, I64};
    [
        (&[I32; 4], &[]),
        (&[I32; 4], &[I32]),
        (&[I32, I64, I32, I64, I32, I32], &[I32]),
        (&[I32, I64, I32], &[I32, I64]),
        (&[I32, I64, I32, I64, I32], &[I32, I64]),
        (&[I32, I64, I32, I64, I32, I64, I32], &[I32, I64]),
    ]
};

/// The parameters a function of parameters `params` and results `results` is
/// declared with after its own: those that complete the first of [`SHAPES`] it
/// fits, or none.
pub fn padding(params: &[ValType], results: &[ValType]) -> &'static [ValType] {
    SHAPES
        .iter()
        .find(|(shape, shape_results)| *shape_results == results && shape.starts_with(params))
        .map_or(&[], |(shape, _)| &shape[params.len()..])
}

/// A function as its callers see it: its index and the padding arguments it is
/// declared with after its own.
#[derive(Clone, Copy, Debug)]
pub struct Callee {
    /// The function index.
    pub index: u32,
    /// The declared parameters after the function's own ([`padding`]).
    pub padding: &'static [ValType],
}

/// Calls to module functions, with their padding arguments.
pub trait CallExt {
    /// Pushes a zero for each of `callee`'s padding parameters and calls it.
    fn call_fn(&mut self, callee: Callee) -> &mut Self;
}

impl CallExt for InstructionSink<'_> {
    fn call_fn(&mut self, callee: Callee) -> &mut Self {
        for ty in callee.padding {
            match ty {
                ValType::I64 => self.i64_const(0),
                _ => self.i32_const(0),
            };
        }
        self.call(callee.index)
    }
}

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

/// Addresses of the static area (after the scratch buffer); see `ABI.md`.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The emit batch (see [`abi::BATCH_COUNT`] and the fields after it).
    pub batch: u32,
    /// Relation descriptors, [`abi::REL_SIZE`] bytes each, by relation id.
    pub rels: u32,
    /// Index descriptors, [`abi::IDX_SIZE`] bytes each, by index id.
    pub idxs: u32,
    /// Written Symbol table entries, by Symbol id.
    pub symtab: u32,
    /// The site table.
    pub sites: u32,
    /// Static bytes from [`abi::SCRATCH`] up to `sites`.
    pub data: Vec<u8>,
}

/// The module being generated.
pub struct Module<'p> {
    /// The program compiled.
    pub program: &'p Program,
    /// The static memory layout.
    pub layout: Layout,
    /// Whether tuple sets and answers get bitmaps ([`crate::Target::LongRun`]).
    pub dense: bool,
    imports: Vec<MathFn>,
    funcs: Vec<FnKey>,
    index: HashMap<FnKey, Callee>,
    queue: Vec<FnKey>,
    sites: Vec<Site>,
    site_index: HashMap<Site, u32>,
    /// The fact tables: rows of constant values that `run` copies into the scratch
    /// buffer one by one, the module's second passive data segment
    /// ([`FACT_SEGMENT`]; absent when empty).
    facts: Vec<u8>,
}

/// The data segment of the fact tables (see [`Module::fact_table`]).
pub const FACT_SEGMENT: u32 = 1;

impl<'p> Module<'p> {
    /// A module for `program`, generated for `target`, with its static layout.
    pub fn new(program: &'p Program, target: crate::Target) -> Result<Module<'p>, CodegenError> {
        Ok(Module {
            program,
            layout: crate::layout::layout(program)?,
            dense: target == crate::Target::LongRun,
            imports: math_imports(program),
            funcs: Vec::new(),
            index: HashMap::new(),
            queue: Vec::new(),
            sites: Vec::new(),
            site_index: HashMap::new(),
            facts: Vec::new(),
        })
    }

    /// Function `key`, registering it (and queueing its body) on first use.
    pub fn func(&mut self, key: FnKey) -> Callee {
        if let Some(&callee) = self.index.get(&key) {
            return callee;
        }
        let (params, results) = crate::emit::signature(self.program, key);
        let callee = Callee {
            index: self.imports.len() as u32 + self.funcs.len() as u32,
            padding: padding(&params, &results),
        };
        self.funcs.push(key);
        self.index.insert(key, callee);
        self.queue.push(key);
        callee
    }

    /// The parameter and result types function `key` is declared with: its own
    /// parameters, then its padding.
    fn declared(&self, key: FnKey) -> (Vec<ValType>, Vec<ValType>) {
        let (mut params, results) = crate::emit::signature(self.program, key);
        params.extend_from_slice(padding(&params, &results));
        (params, results)
    }

    /// The number of parameters function `key` is declared with: its own and its
    /// padding. Its body's first local follows them.
    pub fn declared_params(&self, key: FnKey) -> u32 {
        self.declared(key).0.len() as u32
    }

    /// Runtime helper `h`.
    pub fn rt(&mut self, h: Helper) -> Callee {
        self.func(FnKey::Rt(h))
    }

    /// The index of an imported math function.
    pub fn import(&self, m: MathFn) -> Result<u32, CodegenError> {
        self.imports
            .iter()
            .position(|&x| x == m)
            .map(|i| i as u32)
            .ok_or_else(|| CodegenError::Internal(format!("math import `{}` missing", m.name())))
    }

    /// The id of the error site at `span` (with an optional name for messages).
    pub fn site(&mut self, span: Span, name: Option<&str>) -> i32 {
        self.add_site(Site::new(span, name))
    }

    /// The id of error site `site`.
    pub fn add_site(&mut self, site: Site) -> i32 {
        if let Some(&i) = self.site_index.get(&site) {
            return i as i32;
        }
        let i = self.sites.len() as u32;
        self.sites.push(site.clone());
        self.site_index.insert(site, i);
        i as i32
    }

    /// Registers `sites` as consecutive ids, even those registered before; returns
    /// the first one's id (for code that computes a site's id from a loop counter).
    pub fn site_block(&mut self, sites: impl IntoIterator<Item = Site>) -> i32 {
        let first = self.sites.len() as i32;
        self.sites.extend(sites);
        first
    }

    /// Appends `rows` to the fact tables; returns their offset in [`FACT_SEGMENT`].
    pub fn fact_table(&mut self, rows: &[u8]) -> Result<u32, CodegenError> {
        let at = self.facts.len();
        u32::try_from(at + rows.len())
            .map_err(|_| CodegenError::Internal("fact tables past 4 GiB".into()))?;
        self.facts.extend_from_slice(rows);
        Ok(at as u32)
    }

    /// Emits every registered function and assembles the binary; returns it with the sites.
    pub fn finish(mut self) -> Result<(Vec<u8>, Vec<Site>), CodegenError> {
        self.func(FnKey::Run);
        let mut bodies: HashMap<FnKey, Function> = HashMap::new();
        // Generation stops once the code is far past the size `compile` accepts.
        let mut code_bytes = 0;
        while let Some(key) = self.queue.pop() {
            let body = crate::emit::body(&mut self, key)?;
            code_bytes += body.byte_len();
            if code_bytes > 2 * crate::MAX_MODULE_BYTES {
                return Err(CodegenError::Unsupported(format!(
                    "the module would be more than {} KiB (at most {} KiB compile in bounded time)",
                    code_bytes / 1024,
                    crate::MAX_MODULE_BYTES / 1024
                )));
            }
            bodies.insert(key, body);
        }
        let mut types = TypeSection::new();
        let mut type_ids: HashMap<(Vec<ValType>, Vec<ValType>), u32> = HashMap::new();
        let mut type_of = |params: Vec<ValType>, results: Vec<ValType>| {
            let n = type_ids.len() as u32;
            *type_ids
                .entry((params.clone(), results.clone()))
                .or_insert_with(|| {
                    types.ty().function(params, results);
                    n
                })
        };
        let mut imports = ImportSection::new();
        for m in &self.imports {
            let t = type_of(vec![ValType::F64; m.arity()], vec![ValType::F64]);
            imports.import("env", m.name(), EntityType::Function(t));
        }
        let mut funcs = Vec::with_capacity(self.funcs.len());
        for &key in &self.funcs {
            let (params, results) = self.declared(key);
            let body = bodies
                .remove(&key)
                .ok_or_else(|| CodegenError::Internal(format!("no body for {key:?}")))?;
            funcs.push(Func {
                key,
                params,
                results,
                body,
            });
        }
        let (funcs, index) = inline(funcs, self.imports.len() as u32)?;
        let mut functions = FunctionSection::new();
        let mut code = CodeSection::new();
        for f in funcs {
            functions.function(type_of(f.params, f.results));
            code.function(&f.body);
        }
        let run = self
            .funcs
            .iter()
            .position(|&k| k == FnKey::Run)
            .and_then(|i| index[i])
            .ok_or_else(|| CodegenError::Internal("no `run`".into()))?;
        let mut sites = self.layout.data.clone();
        let sites_at = self.layout.sites;
        let data_start = abi::SCRATCH;
        sites.resize((sites_at - data_start) as usize, 0);
        for s in &self.sites {
            sites.extend_from_slice(&s.span.start.to_le_bytes());
            sites.extend_from_slice(&s.span.end.to_le_bytes());
        }
        let heap_start = (data_start + sites.len() as u32 + 15) & !15;
        // `run` copies the whole segment, up to the heap's start (see `emit::run`).
        sites.resize((heap_start - data_start) as usize, 0);
        let pages = u64::from(heap_start / 65536 + 1);
        let mut memory = MemorySection::new();
        memory.memory(MemoryType {
            minimum: pages,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        let mut globals = GlobalSection::new();
        for g in Global::ALL {
            let (ty, init) = match g {
                Global::Heap => (ValType::I32, ConstExpr::i32_const(heap_start as i32)),
                _ if g.is_i64() => (ValType::I64, ConstExpr::i64_const(0)),
                _ => (ValType::I32, ConstExpr::i32_const(0)),
            };
            globals.global(
                GlobalType {
                    val_type: ty,
                    mutable: true,
                    shared: false,
                },
                &init,
            );
        }
        for _ in &self.program.globals {
            let mutable = GlobalType {
                val_type: ValType::I32,
                mutable: true,
                shared: false,
            };
            globals.global(mutable, &ConstExpr::i32_const(abi::TAG_NONE));
            let payload = GlobalType {
                val_type: ValType::I64,
                ..mutable
            };
            globals.global(payload, &ConstExpr::i64_const(0));
        }
        let mut exports = ExportSection::new();
        exports.export(abi::EXPORT_MEMORY, ExportKind::Memory, 0);
        exports.export(abi::EXPORT_RUN, ExportKind::Func, run);
        for g in Global::ALL {
            exports.export(g.name(), ExportKind::Global, g.index());
        }
        // Passive, and copied by `run`: an active segment costs wasmtime a compiled
        // start-up function and a memory image per module (docs/decisions.md 67).
        let mut data = DataSection::new();
        data.passive(sites);
        if !self.facts.is_empty() {
            data.passive(self.facts);
        }
        let mut module = wasm_encoder::Module::new();
        module
            .section(&types)
            .section(&imports)
            .section(&functions)
            .section(&memory)
            .section(&globals)
            .section(&exports)
            .section(&DataCountSection { count: data.len() })
            .section(&code)
            .section(&data);
        Ok((module.finish(), self.sites))
    }
}

/// The index of the tag global of program global `g` (its payload global follows).
pub fn program_global(g: u32) -> u32 {
    Global::ALL.len() as u32 + 2 * g
}

/// The math imports the program needs, in a fixed order.
fn math_imports(program: &Program) -> Vec<MathFn> {
    let mut found = std::collections::BTreeSet::new();
    crate::walk::exprs(program, &mut |e| match &e.kind {
        ExprKind::Builtin { builtin, .. } => {
            if let Some(m) = MathFn::of_builtin(*builtin) {
                found.insert(m);
            }
        }
        ExprKind::Chain { rest, .. }
            if rest
                .iter()
                .any(|(op, _, _)| *op == bytelogic_engine::ast::BinOp::Mod) =>
        {
            found.insert(MathFn::Fmod);
        }
        _ => {}
    });
    found.into_iter().collect()
}
