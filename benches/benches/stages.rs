//! Front-end and interpreter stages on the corpus-sized programs (parse, check,
//! lower, interpret), end to end (source → outputs), and compile time of a
//! 200-rule program. `cargo bench -p bytelogic-benches --bench stages`.

use bytelogic_benches::corpus::programs;
use bytelogic_benches::workload::{compile_ok, many_rules};
use bytelogic_engine::{Limits, check, compile, lower, parser, run, stratify};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn stages(c: &mut Criterion) {
    let limits = Limits::default();
    for p in programs() {
        let source = p.source.as_str();
        let mut g = c.benchmark_group(format!("corpus/{}", p.name));
        let (ast, _) = parser::parse(source);
        let mut diagnostics = Vec::new();
        let checked = check::check(&ast, &mut diagnostics);
        let strata = stratify::stratify(&ast, &checked, &mut diagnostics);
        let program = compile_ok(source, &limits);
        g.bench_function("parse", |b| b.iter(|| parser::parse(black_box(source))));
        g.bench_function("check", |b| {
            b.iter(|| {
                let mut d = Vec::new();
                let checked = check::check(black_box(&ast), &mut d);
                stratify::stratify(&ast, &checked, &mut d)
            })
        });
        g.bench_function("lower", |b| {
            b.iter(|| lower::lower(black_box(&ast), &checked, &strata))
        });
        g.bench_function("interpret", |b| {
            b.iter(|| run(black_box(&program), &limits))
        });
        g.bench_function("end_to_end", |b| {
            b.iter(|| {
                let program = compile(black_box(source), &limits).program;
                program.map(|program| run(&program, &limits))
            })
        });
        g.finish();
    }
    let source = many_rules(200);
    c.bench_function("200_rules/source_to_lowered", |b| {
        b.iter(|| compile_ok(black_box(&source), &limits))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
