//! The stratum of each rule (spec §9.3), computed on its own: the least numbers such
//! that a rule's number is at least that of every rule deriving a relation it reads,
//! and greater than that of every rule deriving a relation it reads through NOT or an
//! aggregate. The generator makes only programs that have them.

use crate::model::{Clause, MExpr};

/// The stratum number of each rule of `rules`, over `relations` relations.
pub(super) fn of_rules(rules: &[&[Clause]], relations: usize) -> Vec<usize> {
    let mut derived_by: Vec<Vec<usize>> = vec![Vec::new(); relations];
    for (i, clauses) in rules.iter().enumerate() {
        for clause in clauses.iter() {
            if let Clause::Emit { rel, .. } = clause {
                derived_by[*rel].push(i);
            }
        }
    }
    let reads: Vec<Vec<(usize, bool)>> = rules.iter().map(|c| reads(c)).collect();
    let mut stratum = vec![0; rules.len()];
    for _ in 0..=rules.len() {
        let mut changed = false;
        for (i, reads) in reads.iter().enumerate() {
            for &(rel, non_monotone) in reads {
                for &d in &derived_by[rel] {
                    let need = stratum[d] + usize::from(non_monotone);
                    if stratum[i] < need {
                        stratum[i] = need;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            return stratum;
        }
    }
    panic!("the generator made a program that cannot be stratified");
}

/// The relations a rule reads, each with whether the read is non-monotone.
fn reads(clauses: &[Clause]) -> Vec<(usize, bool)> {
    let mut out = Vec::new();
    for clause in clauses {
        match clause {
            Clause::Scan { rel, .. } | Clause::Join { rel, .. } => out.push((*rel, false)),
            Clause::Not { rel, args } => {
                out.push((*rel, true));
                args.iter().flatten().for_each(|e| aggregates(e, &mut out));
            }
            Clause::Let(_, e) | Clause::Where(e) => aggregates(e, &mut out),
            Clause::Emit { args, .. } => args.iter().for_each(|e| aggregates(e, &mut out)),
        }
    }
    out
}

/// The relations the aggregates in `e` read.
fn aggregates(e: &MExpr, out: &mut Vec<(usize, bool)>) {
    match e {
        MExpr::Var(_) | MExpr::Lit(_) => {}
        MExpr::Bin(l, _, r) => {
            aggregates(l, out);
            aggregates(r, out);
        }
        MExpr::Not(e) => aggregates(e, out),
        MExpr::Call(_, args) => args.iter().for_each(|a| aggregates(a, out)),
        MExpr::Agg(agg) => {
            out.push((agg.rel, true));
            agg.args.iter().flatten().for_each(|a| aggregates(a, out));
        }
    }
}
