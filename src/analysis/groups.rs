//! Facts rows grouped by a key (a dyad, a dyad and decade), and the
//! measures the per-dyad tables take over each group, computed as polars
//! computes them so that a table is the same whichever way it is made.
//!
//! The facts come sorted by dyad and start date, so a group is one run of
//! rows; any other order works too, a group then being several runs.

use std::ops::Range;

use num_traits::{One, Zero};
use polars::prelude::*;

use crate::model::calendar::civil_from_days;

/// A group's rows, as runs of consecutive rows.
pub(crate) type Runs = Vec<Range<usize>>;

/// The rows of each key, in key order; within a group, rows keep their
/// order.
pub(crate) fn group<K: Ord + Copy>(keys: impl IntoIterator<Item = K>) -> Vec<(K, Runs)> {
    let mut runs: Vec<(K, Range<usize>)> = Vec::new();
    for (i, key) in keys.into_iter().enumerate() {
        match runs.last_mut() {
            Some((last, run)) if *last == key => run.end = i + 1,
            _ => runs.push((key, i..i + 1)),
        }
    }
    // A stable sort: a group's runs stay in row order.
    runs.sort_by_key(|(key, _)| *key);
    let mut groups: Vec<(K, Runs)> = Vec::new();
    for (key, run) in runs {
        match groups.last_mut() {
            Some((last, group)) if *last == key => group.push(run),
            _ => groups.push((key, vec![run])),
        }
    }
    groups
}

/// The rows of a group, in order.
pub(crate) fn rows(group: &[Range<usize>]) -> impl Iterator<Item = usize> + '_ {
    group.iter().flat_map(Clone::clone)
}

/// A number for each row's dyad that sorts as the dyads' text does (the
/// Enum's codes, whose order is the alphabet's, or ranks of the text).
pub(crate) fn dyad_keys(facts: &DataFrame) -> PolarsResult<Vec<Option<u32>>> {
    let column = facts.column("dyad")?;
    if let DataType::Enum(categories, _) = column.dtype() {
        let words: Vec<&str> = categories.categories().values_iter().collect();
        if words.is_sorted() {
            return super::enum_codes(column);
        }
    }
    let text = column.cast(&DataType::String)?;
    let text = text.str()?;
    let mut sorted: Vec<&str> = text.iter().flatten().collect();
    sorted.sort_unstable();
    sorted.dedup();
    Ok(text
        .iter()
        .map(|d| {
            d.and_then(|d| sorted.binary_search(&d).ok())
                .map(|r| r as u32)
        })
        .collect())
}

/// The decade of each row's start date (the year floored to ten).
pub(crate) fn decades(facts: &DataFrame) -> PolarsResult<Vec<Option<i64>>> {
    let dates = facts.column("start_date")?.as_materialized_series().clone();
    Ok(dates
        .date()?
        .physical()
        .iter()
        .map(|d| d.map(|d| civil_from_days(d).0.div_euclid(10) * 10))
        .collect())
}

/// The mean of the known values (`None` when there are none), summed in
/// row order as polars sums a group.
pub(crate) fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, count) = values
        .flatten()
        .fold((0.0, 0usize), |(sum, count), x| (sum + x, count + 1));
    (count > 0).then(|| sum / count as f64)
}

/// The median of the known values, as polars' `median` takes it: the
/// middle value, or between the two middle ones by linear interpolation.
pub(crate) fn median(
    values: impl Iterator<Item = Option<f64>>,
    scratch: &mut Vec<f64>,
) -> Option<f64> {
    scratch.clear();
    scratch.extend(values.flatten());
    if scratch.len() < 2 {
        return scratch.first().copied();
    }
    scratch.sort_unstable_by(f64::total_cmp);
    let float_index = (scratch.len() - 1) as f64 * 0.5;
    let index = float_index as usize;
    let (lower, upper) = (scratch[index], scratch[(index + 1).min(scratch.len() - 1)]);
    if float_index.ceil() as usize == index || lower == upper {
        return Some(lower);
    }
    let proportion = float_index - index as f64;
    Some(proportion * (upper - lower) + lower)
}

/// `x` rounded to `places` decimals, half to even, by polars' own formula.
pub(crate) fn round(x: f64, places: i32) -> f64 {
    let multiplier = 10f64.powi(places);
    let rounded = (x * multiplier).round_ties_even() / multiplier;
    if rounded.is_finite() { rounded } else { x }
}

/// A column's values as the numbers `T`, read by row. Columns of `T`
/// itself and booleans (0 and 1) are read as they are; others are cast
/// once.
pub(crate) enum Values<T: PolarsNumericType> {
    Numbers(T::Array),
    Booleans(<BooleanType as PolarsDataType>::Array),
}

/// Decimal numbers (booleans as 0 and 1).
pub(crate) type Floats = Values<Float64Type>;

/// Whole numbers (dates as day numbers).
pub(crate) type Ints = Values<Int64Type>;

impl<T: PolarsNumericType> Values<T> {
    pub(crate) fn of(df: &DataFrame, name: &str) -> PolarsResult<Values<T>> {
        let column = df.column(name)?;
        if column.dtype() == &DataType::Boolean {
            let values = column.bool()?.rechunk();
            if let Some(array) = values.downcast_iter().next() {
                return Ok(Values::Booleans(array.clone()));
            }
        }
        let column = column.cast(&T::get_static_dtype())?;
        let values = column.as_materialized_series().unpack::<T>()?.rechunk();
        Ok(Values::Numbers(one_chunk(&values)))
    }

    pub(crate) fn get(&self, row: usize) -> Option<T::Native> {
        match self {
            Values::Numbers(array) => array.get(row),
            Values::Booleans(array) => array
                .get(row)
                .map(|b| if b { One::one() } else { Zero::zero() }),
        }
    }
}

/// The dyads of the facts' `rows` (a group's first rows, say), gathered
/// from the `dyad` column in its own dtype.
pub(crate) fn dyads_at(
    facts: &DataFrame,
    rows: impl Iterator<Item = usize>,
) -> PolarsResult<Column> {
    let rows = IdxCa::from_iter_values("".into(), rows.map(|r| r as IdxSize));
    facts.column("dyad")?.take(&rows)
}

/// Whether each row of a text column is `word` (null where the row is);
/// an Enum column is compared on its codes, without making text.
pub(crate) fn is_word(column: &Column, word: &str) -> PolarsResult<Vec<Option<bool>>> {
    if let DataType::Enum(categories, _) = column.dtype() {
        let code = categories
            .categories()
            .values_iter()
            .position(|w| w == word)
            .map(|c| c as u32);
        let mut is = Vec::with_capacity(column.len());
        super::each_code(column, |c| is.push(c.map(|c| Some(c) == code)))?;
        return Ok(is);
    }
    let text = column.cast(&DataType::String)?;
    Ok(text.str()?.iter().map(|t| t.map(|t| t == word)).collect())
}

/// The single array of a rechunked column (an empty one for no rows).
fn one_chunk<T: PolarsNumericType>(values: &ChunkedArray<T>) -> T::Array {
    match values.downcast_iter().next() {
        Some(array) => array.clone(),
        None => ChunkedArray::<T>::full_null("".into(), 0)
            .downcast_iter()
            .next()
            .cloned()
            .expect("a column has a chunk"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_a_key_are_merged_in_key_order() {
        let groups = group([2, 2, 1, 2, 1, 3, 1, 3, 3]);
        assert_eq!(
            groups,
            [
                (1, vec![2..3, 4..5, 6..7]),
                (2, vec![0..2, 3..4]),
                (3, vec![5..6, 7..9])
            ]
        );
        assert_eq!(rows(&groups[1].1).collect::<Vec<_>>(), [0, 1, 3]);
    }

    #[test]
    fn medians_interpolate_between_the_middle_values() {
        let mut scratch = Vec::new();
        let m = |v: &[Option<f64>], s: &mut Vec<f64>| median(v.iter().copied(), s);
        assert_eq!(m(&[], &mut scratch), None);
        assert_eq!(m(&[None, Some(3.0)], &mut scratch), Some(3.0));
        assert_eq!(
            m(&[Some(4.0), Some(1.0), Some(2.0)], &mut scratch),
            Some(2.0)
        );
        assert_eq!(m(&[Some(4.0), Some(1.0)], &mut scratch), Some(2.5));
        assert_eq!(mean([Some(1.0), None, Some(0.0)].into_iter()), Some(0.5));
        assert_eq!(mean([None].into_iter()), None);
        assert_eq!(round(0.125, 2), 0.12);
        assert_eq!(round(0.375, 2), 0.38);
    }
}
