//! Span-insensitive comparison of syntax trees: the tree's `Debug` form with every
//! span removed. Everything else (`quoted` flags, Float bits, operators, the
//! nesting of chains, prefixes and parentheses) still counts.

use bytelogic_engine::ast::Program;

/// The tree's `Debug` form without spans.
pub fn shape(program: &Program) -> String {
    let text = format!("{program:?}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("Span {") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        // A span is `Span { start: N, end: N }`: no nested braces.
        rest = &after[after.find('}').map_or(after.len(), |j| j + 1)..];
    }
    out.push_str(rest);
    out
}

/// Checks that printing `program` and parsing the text gives the same tree and
/// no error, and that printing is a fixpoint; the message shows the printed text.
pub fn round_trips(program: &Program) -> Result<(), String> {
    let printed = bytelogic_engine::ast_print::program(program);
    let (again, diagnostics) = bytelogic_engine::parser::parse(&printed);
    if let Some(d) = diagnostics.iter().find(|d| d.is_error()) {
        return Err(format!(
            "printed text does not parse: {} {}\n{printed}",
            d.code, d.message
        ));
    }
    if shape(&again) != shape(program) {
        return Err(format!(
            "printed text parses to another tree\n{printed}\n--- before\n{}\n--- after\n{}",
            shape(program),
            shape(&again)
        ));
    }
    let reprinted = bytelogic_engine::ast_print::program(&again);
    if reprinted != printed {
        return Err(format!(
            "printing is not a fixpoint:\n{printed}\n--- then\n{reprinted}"
        ));
    }
    Ok(())
}
