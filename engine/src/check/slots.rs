//! Numbered names: the slots of a rule's variables or of a CALC's locals, and the
//! declared relations, CALCs and globals, each numbered in the order it was first
//! added and found by name in constant time (a rule may bind as many variables as
//! its widest relation has columns, a program declare thousands of relations). A
//! few are found by a scan instead: most programs, rules and CALCs have only a few
//! names, and for them hashing costs more than comparing, and a map an allocation.

use crate::ast::VarName;
use crate::ir::VarSlot;
use hashbrown::HashMap;
use std::borrow::Borrow;
use std::hash::Hash;

/// Up to this many names, a name is found by scanning them.
const SCANNED: usize = 8;

/// Names numbered in the order they were added: number `i` is the `i`-th.
#[derive(Clone, Debug)]
pub struct Numbered<K> {
    names: Vec<K>,
    /// Name → number, built once there are more than [`SCANNED`] names (empty until then).
    index: HashMap<K, u32>,
}

/// Equal when the names are: the map follows from them.
impl<K: PartialEq> PartialEq for Numbered<K> {
    fn eq(&self, other: &Self) -> bool {
        self.names == other.names
    }
}

impl<K> Default for Numbered<K> {
    fn default() -> Self {
        Numbered {
            names: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<K: Eq + Hash + Clone> Numbered<K> {
    /// The number of `name`, if it has one.
    pub fn get<Q>(&self, name: &Q) -> Option<u32>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        if self.names.len() <= SCANNED {
            let i = self.names.iter().position(|n| n.borrow() == name)?;
            return Some(i as u32);
        }
        self.index.get(name).copied()
    }

    /// The number of `name`, numbering it next if it has none yet.
    pub fn add(&mut self, name: &K) -> u32 {
        if let Some(i) = self.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.clone());
        if self.names.len() == SCANNED + 1 {
            let numbered = self.names.iter().enumerate();
            self.index = numbered.map(|(i, n)| (n.clone(), i as u32)).collect();
        } else if self.names.len() > SCANNED {
            self.index.insert(name.clone(), i);
        }
        i
    }
}

impl<K> Numbered<K> {
    /// How many names there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The names in number order.
    pub fn iter(&self) -> std::slice::Iter<'_, K> {
        self.names.iter()
    }
}

/// Variables numbered in the order they were added; slot `i` holds the `i`-th.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slots<'a>(Numbered<VarName<'a>>);

impl<'a> Slots<'a> {
    /// The slot of `name`, if it has one.
    pub fn get(&self, name: &VarName<'a>) -> Option<VarSlot> {
        self.0.get(name).map(VarSlot)
    }

    /// The slot of `name`, numbering it next if it has none yet.
    pub fn add(&mut self, name: &VarName<'a>) -> VarSlot {
        VarSlot(self.0.add(name))
    }

    /// How many slots there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The variables in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &VarName<'a>> {
        self.0.iter()
    }
}

impl<'a> std::ops::Index<VarSlot> for Slots<'a> {
    type Output = VarName<'a>;

    fn index(&self, slot: VarSlot) -> &VarName<'a> {
        &self.0.names[slot.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_found_by_name_below_and_above_the_scanned_count() {
        let names: Vec<VarName> = (0..3 * SCANNED as u32)
            .map(|i| {
                if i % 2 == 0 {
                    VarName::Positional(i)
                } else {
                    VarName::Named(format!("v{i}").into())
                }
            })
            .collect();
        let mut slots = Slots::default();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(slots.add(name), VarSlot(i as u32));
            assert_eq!(slots.add(name), VarSlot(i as u32), "added twice");
            for (j, earlier) in names[..=i].iter().enumerate() {
                assert_eq!(slots.get(earlier), Some(VarSlot(j as u32)));
            }
            assert_eq!(slots.get(&VarName::Named("absent".into())), None);
            assert_eq!(slots.len(), i + 1);
        }
        assert!(slots.iter().eq(names.iter()));
    }

    #[test]
    fn names_are_found_by_a_borrowed_key() {
        let mut rels: Numbered<String> = Numbered::default();
        for i in 0..3 * SCANNED {
            assert_eq!(rels.add(&format!("r{i}")), i as u32);
            assert_eq!(rels.get("r0"), Some(0));
            assert_eq!(rels.get(format!("r{i}").as_str()), Some(i as u32));
            assert_eq!(rels.get("absent"), None);
        }
    }
}
