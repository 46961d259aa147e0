//! Numbered variables: the slots of a rule's variables or of a CALC's locals, in the
//! order they were first bound, found by name in constant time (a rule may bind as
//! many variables as its widest relation has columns, a CALC as many as it assigns).
//! A few are found by a scan instead: most rules and CALCs have only a few, and
//! for them hashing costs more than comparing, and the map an allocation.

use crate::ast::VarName;
use crate::ir::VarSlot;
use hashbrown::HashMap;

/// Up to this many variables, a name is found by scanning them.
const SCANNED: usize = 8;

/// Variables numbered in the order they were added; slot `i` holds the `i`-th.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slots {
    names: Vec<VarName>,
    /// Name → slot, built once there are more than [`SCANNED`] names (empty until then).
    index: HashMap<VarName, VarSlot>,
}

impl Slots {
    /// The slot of `name`, if it has one.
    pub fn get(&self, name: &VarName) -> Option<VarSlot> {
        if self.names.len() <= SCANNED {
            let i = self.names.iter().position(|n| n == name)?;
            return Some(VarSlot(i as u32));
        }
        self.index.get(name).copied()
    }

    /// The slot of `name`, numbering it next if it has none yet.
    pub fn add(&mut self, name: &VarName) -> VarSlot {
        if let Some(slot) = self.get(name) {
            return slot;
        }
        let slot = VarSlot(self.names.len() as u32);
        self.names.push(name.clone());
        if self.names.len() == SCANNED + 1 {
            let numbered = self.names.iter().enumerate();
            self.index = numbered
                .map(|(i, n)| (n.clone(), VarSlot(i as u32)))
                .collect();
        } else if self.names.len() > SCANNED {
            self.index.insert(name.clone(), slot);
        }
        slot
    }

    /// How many slots there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The variables in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &VarName> {
        self.names.iter()
    }
}

impl std::ops::Index<VarSlot> for Slots {
    type Output = VarName;

    fn index(&self, slot: VarSlot) -> &VarName {
        &self.names[slot.index()]
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
                    VarName::Named(format!("v{i}"))
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
}
