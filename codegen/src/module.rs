//! Module assembly, the top of the crate: emits every function the program needs
//! (starting from `run`, each body registering what it calls), inlines the helpers
//! called once, and writes the sections.

use crate::abi::{self, Global};
use crate::error::CodegenError;
use crate::functions::FnKey;
use crate::inline::{Func, inline};
use crate::registry::Registry;
use crate::site::Site;
use crate::size::{MAX_MODULE_BYTES, too_large};
use bytelogic_engine::ir::Program;
use std::collections::HashMap;
use wasm_encoder::{
    CodeSection, ConstExpr, DataCountSection, DataSection, EntityType, ExportKind, ExportSection,
    Function, FunctionSection, GlobalSection, GlobalType, ImportSection, MemorySection, MemoryType,
    NameMap, NameSection, TypeSection, ValType,
};

/// How [`generate`] writes a module.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Tuple sets and answers get bitmaps (`Target::LongRun`).
    pub dense: bool,
    /// The module gets a name section (returned apart: [`Generated::names`]).
    pub names: bool,
    /// Runtime helpers called once are inlined (docs/decisions.md 68); off only in
    /// the golden tests, which show each helper's body as it is generated.
    pub inline: bool,
}

/// A generated module.
pub struct Generated {
    /// The binary, without a name section.
    pub wasm: Vec<u8>,
    /// Its name section, when asked for: appended to `wasm` it names every function
    /// (docs/decisions.md 180).
    pub names: Option<NameSection>,
    /// The error sites, by id.
    pub sites: Vec<Site>,
}

/// The module of `program`.
pub fn generate(program: &Program, options: Options) -> Result<Generated, CodegenError> {
    let mut m = Registry::new(program, options.dense)?;
    m.func(FnKey::Run);
    let mut bodies: HashMap<FnKey, Function> = HashMap::new();
    // Generation stops once the code is far past the size `compile` accepts.
    let mut code_bytes = 0;
    while let Some(key) = m.next_unemitted() {
        let body = crate::emit::body(&mut m, key)?;
        code_bytes += body.byte_len();
        if code_bytes > 2 * MAX_MODULE_BYTES {
            return Err(too_large("more than ", code_bytes));
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
    for f in m.imports() {
        let t = type_of(vec![ValType::F64; f.arity()], vec![ValType::F64]);
        imports.import("env", f.name(), EntityType::Function(t));
    }
    let mut funcs = Vec::with_capacity(m.funcs().len());
    for &key in m.funcs() {
        let (params, results) = m.declared(key);
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
    let (funcs, index) = if options.inline {
        inline(funcs, m.imports().len() as u32)?
    } else {
        let index = (m.imports().len() as u32..).take(funcs.len()).map(Some);
        (funcs, index.collect())
    };
    let names = options.names.then(|| names(&m, &funcs));
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    for f in funcs {
        functions.function(type_of(f.params, f.results));
        code.function(&f.body);
    }
    let run = m
        .funcs()
        .iter()
        .position(|&k| k == FnKey::Run)
        .and_then(|i| index[i])
        .ok_or_else(|| CodegenError::Internal("no `run`".into()))?;
    let (static_area, heap_start) = static_area(&m);
    let mut pages = heap_start / 65536 + 1;
    if options.dense {
        pages = pages.max(abi::LONG_RUN_MIN_PAGES);
    }
    let mut memory = MemorySection::new();
    memory.memory(MemoryType {
        minimum: u64::from(pages),
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    let globals = globals(program, heap_start);
    let mut exports = ExportSection::new();
    exports.export(abi::EXPORT_MEMORY, ExportKind::Memory, 0);
    exports.export(abi::EXPORT_RUN, ExportKind::Func, run);
    for g in Global::ALL {
        exports.export(g.name(), ExportKind::Global, g.index());
    }
    let (sites, facts) = m.into_sites_and_facts();
    // Passive, and copied by `run`: an active segment costs wasmtime a compiled
    // start-up function and a memory image per module (docs/decisions.md 67).
    let mut data = DataSection::new();
    data.passive(static_area);
    if !facts.is_empty() {
        data.passive(facts);
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
    Ok(Generated {
        wasm: module.finish(),
        names,
        sites,
    })
}

/// The name section: every function's name ([`FnKey::name`]; the imports' are
/// their import names). `funcs` are the functions left after inlining, in index
/// order.
fn names(m: &Registry<'_>, funcs: &[Func]) -> NameSection {
    let mut names = NameMap::new();
    for (i, f) in m.imports().iter().enumerate() {
        names.append(i as u32, f.name());
    }
    let first = m.imports().len() as u32;
    for (i, f) in (first..).zip(funcs) {
        names.append(i, &f.key.name(m.program));
    }
    let mut section = NameSection::new();
    section.functions(&names);
    section
}

/// The first data segment, the static area from [`abi::SCRATCH`] up to the heap's
/// start (the layout's bytes, then the site table), and the heap's start.
fn static_area(m: &Registry<'_>) -> (Vec<u8>, u32) {
    let mut bytes = m.layout.data.clone();
    let data_start = abi::SCRATCH;
    bytes.resize((m.layout.sites - data_start) as usize, 0);
    for s in m.sites() {
        bytes.extend_from_slice(&s.span.start.to_le_bytes());
        bytes.extend_from_slice(&s.span.end.to_le_bytes());
    }
    let heap_start = (data_start + bytes.len() as u32 + 15) & !15;
    // `run` copies the whole segment, up to the heap's start (see `emit::run`).
    bytes.resize((heap_start - data_start) as usize, 0);
    (bytes, heap_start)
}

/// The runtime globals ([`Global::ALL`]), then a tag and a payload global per
/// program global ([`abi::program_global`]).
fn globals(program: &Program, heap_start: u32) -> GlobalSection {
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
    for _ in &program.globals {
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
    globals
}
