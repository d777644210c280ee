//! JSON record files: strict JSON (no comments, no trailing commas) parsed
//! into located [`Node`]s.

use jsonc_parser::ast::{ObjectPropName, Value as Ast};
use jsonc_parser::{CollectOptions, ParseOptions, parse_to_ast};

use super::records::{Node, NodeValue};
use crate::error::{Error, Location};

/// Parses a JSON record file; a syntax error names its line and column.
pub(crate) fn parse(path: &str, text: &str) -> Result<Node, Error> {
    let strict = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed =
        parse_to_ast(text, &CollectOptions::default(), &strict).map_err(|e| Error::Syntax {
            location: Location::new(path, e.line_display() as u64, e.column_display() as u64),
            message: format!("invalid JSON: {}", e.kind()),
        })?;
    match parsed.value {
        Some(value) => Ok(node(value)),
        None => Err(Error::Syntax {
            location: Location::whole(path),
            message: "invalid JSON: the file is empty".to_owned(),
        }),
    }
}

fn node(value: Ast<'_>) -> Node {
    match value {
        Ast::StringLit(s) => Node {
            offset: s.range.start,
            value: NodeValue::Scalar(s.value.into_owned()),
        },
        Ast::NumberLit(n) => Node {
            offset: n.range.start,
            value: NodeValue::Scalar(n.value.to_owned()),
        },
        Ast::BooleanLit(b) => Node {
            offset: b.range.start,
            value: NodeValue::Scalar(b.value.to_string()),
        },
        Ast::NullKeyword(n) => Node {
            offset: n.range.start,
            value: NodeValue::Null,
        },
        Ast::Array(a) => Node {
            offset: a.range.start,
            value: NodeValue::List(a.elements.into_iter().map(node).collect()),
        },
        Ast::Object(o) => Node {
            offset: o.range.start,
            value: NodeValue::Map(
                o.properties
                    .into_iter()
                    .map(|p| {
                        let name = match p.name {
                            ObjectPropName::String(s) => s.value.into_owned(),
                            ObjectPropName::Word(w) => w.value.to_owned(),
                        };
                        (name, node(p.value))
                    })
                    .collect(),
            ),
        },
    }
}
