//! TOML record files parsed into located [`Node`]s. TOML's own dates
//! (`start_date = 2025-08-15`) are accepted as well as strings.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::raw::Lines;
use super::records::{Node, NodeValue};
use crate::error::Error;

/// Parses a TOML record file; a syntax error names its line and column.
pub(crate) fn parse(path: &str, text: &str) -> Result<Node, Error> {
    let table = DeTable::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::Syntax {
            location: Lines::new(text.as_bytes()).locate(path, offset),
            message: format!("invalid TOML: {}", e.message()),
        }
    })?;
    let offset = table.span().start;
    Ok(Node {
        offset,
        value: map(table.into_inner()),
    })
}

fn map(table: DeTable<'_>) -> NodeValue {
    NodeValue::Map(
        table
            .into_iter()
            .map(|(key, value)| (key.into_inner().into_owned(), node(value)))
            .collect(),
    )
}

fn node(value: Spanned<DeValue<'_>>) -> Node {
    let offset = value.span().start;
    let value = match value.into_inner() {
        DeValue::String(s) => NodeValue::Scalar(s.into_owned()),
        DeValue::Integer(n) => {
            let digits = n.as_str().replace('_', "");
            NodeValue::Scalar(match i64::from_str_radix(&digits, n.radix()) {
                Ok(v) => v.to_string(),
                Err(_) => digits,
            })
        }
        DeValue::Float(x) => NodeValue::Scalar(x.as_str().replace('_', "")),
        DeValue::Boolean(b) => NodeValue::Scalar(b.to_string()),
        DeValue::Datetime(d) => NodeValue::Scalar(d.to_string()),
        DeValue::Array(items) => NodeValue::List(items.into_iter().map(node).collect()),
        DeValue::Table(t) => map(t),
    };
    Node { offset, value }
}
