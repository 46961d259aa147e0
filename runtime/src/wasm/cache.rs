//! The compiled-module cache: what the front end and the code generator made of a
//! source with its injected facts, keyed exactly by [`Key`] (no hash collisions can serve the
//! wrong program). Bounded: when it holds [`CAPACITY`] entries it starts over, so a
//! long-running server that sees endless distinct programs does not grow forever.

use super::HostState;
use crate::executor::Options;
use crate::executor::key::{Key, KeyRef, encode_inputs};
use bytelogic_codegen::Site;
use bytelogic_engine::{Code, Compiled};
use hashbrown::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use wasmtime::InstancePre;

/// Entries kept before the cache is emptied.
pub(super) const CAPACITY: usize = 1024;

/// A compiled program ready to instantiate.
pub(super) struct Prepared {
    /// The module compiled by Winch, linked.
    pub(super) quick: InstancePre<HostState>,
    /// How long a run on Winch's code may take before it runs again on Cranelift's.
    pub(super) tier_up_after: Duration,
    /// The program compiled for long runs (`Target::LongRun`) by Cranelift, linked,
    /// once a run tiered up or the warm thread upgraded the module (docs/decisions.md 184).
    pub(super) optimized: OnceLock<Result<InstancePre<HostState>, super::WasmError>>,
    /// Whether a run on Winch's code already asked for the upgrade (one request a module).
    pub(super) upgrade_asked: AtomicBool,
    /// Its error sites.
    pub(super) sites: Vec<Site>,
    /// The native stack its runs can need.
    pub(super) stack: super::StackNeeds,
    /// The size of its first module in bytes (what the host holds for it is charged
    /// per byte: docs/decisions.md 104).
    pub(super) module_bytes: u64,
}

/// A front-end result (injection included) and, when it has a program, the prepared
/// module or why there is none.
pub(super) struct CacheEntry {
    pub(super) compiled: Compiled,
    pub(super) prepared: Option<Result<Prepared, super::WasmError>>,
}

impl CacheEntry {
    /// False when a limit the key does not hold stopped the front end or the
    /// injection (time, memory, tuples): another run may have room for it.
    fn keeps(&self) -> bool {
        let by_limit = |d: &bytelogic_engine::Diagnostic| {
            matches!(d.code, Code::E402 | Code::E404 | Code::E405)
        };
        !self.compiled.diagnostics.iter().any(by_limit)
    }
}

/// The cache (see the module docs).
#[derive(Default)]
pub(super) struct Cache {
    entries: Mutex<HashMap<Key, Arc<CacheEntry>>>,
}

impl Cache {
    /// The entry for `source` under `options`, if it is cached.
    pub(super) fn get(&self, source: &str, options: &Options) -> Option<Arc<CacheEntry>> {
        let inputs = encode_inputs(&options.inputs);
        let key = KeyRef::new(source, options, &inputs);
        self.entries.lock().ok()?.get(&key).cloned()
    }

    /// The entry for `source` under `options`, made by `make` (outside the lock) when
    /// it is not cached, and kept unless a limit of that run stopped it.
    pub(super) fn get_or_insert(
        &self,
        source: &str,
        options: &Options,
        make: impl FnOnce() -> CacheEntry,
    ) -> Arc<CacheEntry> {
        let inputs = encode_inputs(&options.inputs);
        let key = KeyRef::new(source, options, &inputs);
        if let Some(e) = self.entries.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return e;
        }
        let entry = Arc::new(make());
        if !entry.keeps() {
            return entry;
        }
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert(key.owned(), entry.clone());
        }
        entry
    }

    /// How many entries are cached.
    pub(super) fn len(&self) -> usize {
        self.entries.lock().map_or(0, |c| c.len())
    }
}
