//! Numbered variables: the slots of a rule's variables or of a CALC's locals, in the
//! order they were first bound, found by name in constant time (a rule may bind as
//! many variables as its widest relation has columns, a CALC as many as it assigns).

use crate::ast::VarName;
use crate::ir::VarSlot;
use hashbrown::HashMap;

/// Variables numbered in the order they were added; slot `i` holds the `i`-th.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slots {
    names: Vec<VarName>,
    index: HashMap<VarName, VarSlot>,
}

impl Slots {
    /// The slot of `name`, if it has one.
    pub fn get(&self, name: &VarName) -> Option<VarSlot> {
        self.index.get(name).copied()
    }

    /// The slot of `name`, numbering it next if it has none yet.
    pub fn add(&mut self, name: &VarName) -> VarSlot {
        if let Some(slot) = self.get(name) {
            return slot;
        }
        let slot = VarSlot(self.names.len() as u32);
        self.names.push(name.clone());
        self.index.insert(name.clone(), slot);
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
