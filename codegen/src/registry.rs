//! The function registry and everything else the emitters of a module share (see
//! [`Registry`]).

use crate::error::CodegenError;
use crate::functions::{Callee, FnKey, Helper, padding, signature};
use crate::layout::{Layout, layout};
use crate::math::{MathFn, math_imports};
use crate::site::Site;
use bytelogic_engine::ir::Program;
use bytelogic_engine::span::Span;
use std::collections::HashMap;
use wasm_encoder::ValType;

/// The state of the module being generated that its functions' emitters consult
/// and add to: the program, the static layout, every function by key (registered,
/// with its index, on first use; its body emitted later), the math imports, the
/// error sites and the fact tables.
pub struct Registry<'p> {
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

/// The data segment of the fact tables (see [`Registry::fact_table`]).
pub const FACT_SEGMENT: u32 = 1;

impl<'p> Registry<'p> {
    /// The registry of a module for `program` (with bitmaps when `dense`), with its
    /// static layout and nothing registered.
    pub fn new(program: &'p Program, dense: bool) -> Result<Registry<'p>, CodegenError> {
        Ok(Registry {
            program,
            layout: layout(program)?,
            dense,
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
        let (params, results) = signature(self.program, key);
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
    pub fn declared(&self, key: FnKey) -> (Vec<ValType>, Vec<ValType>) {
        let (mut params, results) = signature(self.program, key);
        params.extend_from_slice(padding(&params, &results));
        (params, results)
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
        let sites = sites.into_iter();
        self.sites.reserve(sites.size_hint().0);
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

    /// A registered function whose body is not emitted yet (the last registered
    /// first), if any.
    pub fn next_unemitted(&mut self) -> Option<FnKey> {
        self.queue.pop()
    }

    /// The math imports, in import order.
    pub fn imports(&self) -> &[MathFn] {
        &self.imports
    }

    /// Every registered function, in index order (after the imports).
    pub fn funcs(&self) -> &[FnKey] {
        &self.funcs
    }

    /// The error sites, by id.
    pub fn sites(&self) -> &[Site] {
        &self.sites
    }

    /// The error sites and the fact tables, when every body is emitted.
    pub fn into_sites_and_facts(self) -> (Vec<Site>, Vec<u8>) {
        (self.sites, self.facts)
    }
}
