//! Error sites: what a host needs to word the message of a runtime error the module
//! raises (the module stores the site's id in the error slot; see `ABI.md`).

use bytelogic_engine::span::Span;

/// An error site: where a runtime error raised by the module points, and a name the
/// host uses in the message (the variable, CALC or relation concerned).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Site {
    /// The span reported.
    pub span: Span,
    /// The name for the message, if the error needs one.
    pub name: Option<String>,
    /// For an operator: the variable names of its two operands, where they are
    /// variables (the message then shows their values: `… where $x = 0`).
    pub operands: [Option<String>; 2],
}

impl Site {
    /// A site at `span` with `name` and no operands.
    pub fn new(span: Span, name: Option<&str>) -> Site {
        Site {
            span,
            name: name.map(str::to_string),
            operands: [None, None],
        }
    }
}
