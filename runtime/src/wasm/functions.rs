//! Cranelift's incremental compilation cache, in memory: each compiled function keyed
//! by a hash of its body (callees by reference, not by index), so the runtime helpers
//! that every module carries are compiled once per backend and later modules compile
//! only what is their own (the plans, `solve`, `run`, CALC functions). Bounded like
//! the module cache: when it holds [`CAPACITY`] bytes it starts over.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;
use wasmtime::CacheStore;

/// Bytes of compiled functions kept before the cache is emptied.
const CAPACITY: usize = 64 << 20;

/// The cache (see the module docs).
#[derive(Debug, Default)]
pub(super) struct Functions {
    entries: Mutex<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    by_key: HashMap<Vec<u8>, Vec<u8>>,
    bytes: usize,
}

impl CacheStore for Functions {
    fn get(&self, key: &[u8]) -> Option<Cow<'_, [u8]>> {
        let entries = self.entries.lock().ok()?;
        entries.by_key.get(key).map(|v| Cow::Owned(v.clone()))
    }

    fn insert(&self, key: &[u8], value: Vec<u8>) -> bool {
        let Ok(mut entries) = self.entries.lock() else {
            return false;
        };
        let size = key.len() + value.len();
        if entries.bytes + size > CAPACITY {
            entries.by_key.clear();
            entries.bytes = 0;
        }
        entries.bytes += size;
        if let Some(old) = entries.by_key.insert(key.to_vec(), value) {
            entries.bytes -= key.len() + old.len();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_entries_until_full_then_starts_over() {
        let cache = Functions::default();
        assert!(cache.insert(b"a", vec![1, 2]));
        assert_eq!(cache.get(b"a").as_deref(), Some(&[1u8, 2][..]));
        assert!(cache.get(b"b").is_none());
        assert!(cache.insert(b"b", vec![0; CAPACITY]));
        assert!(cache.get(b"a").is_none(), "emptied when full");
        assert!(cache.get(b"b").is_some());
    }
}
