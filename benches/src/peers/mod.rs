//! The scale workloads written for the peer engines. Each computes the same
//! relation as our program (`path` for TC, `sg` for SG) over the same `i64` edges
//! and returns its size, so sizes can be asserted equal.

mod ascent_impl;
mod crepe_impl;
mod datafrog_impl;

use crate::workload::Kind;

/// A peer Datalog engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Peer {
    /// `ascent` (macro-compiled, semi-naive; built without its parallel feature).
    Ascent,
    /// `datafrog` (a library of leapfrog joins driven by hand).
    Datafrog,
    /// `crepe` (macro-compiled, semi-naive).
    Crepe,
}

impl Peer {
    /// Every peer, in report order.
    pub const ALL: [Peer; 3] = [Peer::Ascent, Peer::Datafrog, Peer::Crepe];

    /// The peer's name.
    pub fn name(self) -> &'static str {
        match self {
            Peer::Ascent => "ascent",
            Peer::Datafrog => "datafrog",
            Peer::Crepe => "crepe",
        }
    }

    /// True when the peer runs `kind`: the workloads of spec §9 (aggregation and
    /// negation) are written for Ascent only, the peer with `agg` and `!`.
    pub fn runs(self, kind: Kind) -> bool {
        self == Peer::Ascent || !kind.is_stratified()
    }

    /// Runs the `kind` program over `edges`; the size of the derived relation. Panics
    /// for a `kind` the peer does not [`Peer::runs`].
    pub fn run(self, kind: Kind, edges: &[(i64, i64)]) -> usize {
        match (self, kind) {
            (Peer::Ascent, Kind::OutDegree) => ascent_impl::out_degree(edges),
            (Peer::Ascent, Kind::Unreachable) => ascent_impl::unreachable(edges),
            (peer, Kind::OutDegree | Kind::Unreachable) => {
                panic!("{} has no {kind:?} workload", peer.name())
            }
            (Peer::Ascent, Kind::Tc) => ascent_impl::tc(edges),
            (Peer::Ascent, Kind::Sg) => ascent_impl::sg(edges),
            (Peer::Datafrog, Kind::Tc) => datafrog_impl::tc(edges),
            (Peer::Datafrog, Kind::Sg) => datafrog_impl::sg(edges),
            (Peer::Crepe, Kind::Tc) => crepe_impl::tc(edges),
            (Peer::Crepe, Kind::Sg) => crepe_impl::sg(edges),
        }
    }
}
