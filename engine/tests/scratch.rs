use bytelogic_engine::LineIndex;
use bytelogic_engine::parser::parse;
#[test]
fn scratch() {
    let inputs = std::fs::read_to_string("/tmp/inputs.txt").unwrap();
    for src in inputs.split("\n----\n") {
        let (p, d) = parse(src);
        let idx = LineIndex::new(src);
        println!("=== {:?}  [{} stmts]", src, p.stmts.len());
        for d in d {
            let pos = idx.position(d.span);
            println!(
                "  {}[{}] {}:{}-{} {} | label={:?} hint={:?}",
                d.severity.as_str(),
                d.code,
                pos.line,
                pos.column,
                pos.end_column,
                d.message,
                d.label,
                d.hint
            );
        }
    }
}
