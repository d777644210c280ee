//! The summit ids other tables refer to, matched by merge walks: a
//! collection is usually written sorted by id, and then uniqueness and
//! references are checked in one pass instead of hashing every id.

use polars::prelude::*;
use rayon::prelude::*;

use super::schema::Table;

/// For each table of a collection, the row of the summits frame each of its
/// rows belongs to: what the loader's merge walk over sorted ids found, kept
/// so that analyses need not match ids again. Only tables that refer to
/// summits have links, and only when their ids were matched by the walk.
pub(crate) type Links = std::collections::BTreeMap<Table, Vec<IdxSize>>;

/// How the values of a column are ordered.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// Each value greater than the one before: sorted and distinct.
    Increasing,
    /// Sorted, with repeats.
    NonDecreasing,
    /// Neither, or holding nulls.
    Unsorted,
}

/// The order of a text column, found in one linear pass. Collections are
/// usually written sorted by id; then uniqueness and references can be
/// checked by walking instead of hashing millions of strings.
pub(crate) fn order(ca: &StringChunked) -> Order {
    let mut previous: Option<&str> = None;
    let mut strict = true;
    for value in ca.iter() {
        let Some(value) = value else {
            return Order::Unsorted;
        };
        if let Some(p) = previous {
            if p == value {
                strict = false;
            } else if p > value {
                return Order::Unsorted;
            }
        }
        previous = Some(value);
    }
    if strict {
        Order::Increasing
    } else {
        Order::NonDecreasing
    }
}

/// What a merge walk found of the summit ids other tables refer to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum References {
    /// The ids are not sorted: hashing must decide.
    Unsorted,
    /// Some id is not among the known ones.
    Missing,
    /// For each child, the position among the known ids of each of its
    /// values.
    Rows(Vec<Vec<IdxSize>>),
}

/// Where each value of each column in `children` stands among the
/// strictly increasing `known` values, by merge walks that also check the
/// child never decreases. A run of one value (a summit's participants)
/// costs one comparison a row. A long child is walked in pieces side by
/// side, each starting where a binary search puts its first value.
pub(crate) fn merge_rows(known: &StringChunked, children: &[StringChunked]) -> References {
    if order(known) != Order::Increasing {
        return References::Unsorted;
    }
    let known: Vec<&str> = known.iter().flatten().collect();
    let mut found = Vec::with_capacity(children.len());
    for child in children {
        if child.null_count() > 0 {
            return References::Unsorted;
        }
        let size = child
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1 << 16);
        let pieces: Vec<StringChunked> = (0..child.len())
            .step_by(size)
            .map(|start| child.slice(start as i64, size))
            .collect();
        // Each piece must not start below where the one before ended.
        let seams_in_order = pieces
            .windows(2)
            .all(|pair| pair[0].last() <= pair[1].first());
        let walks: Vec<Walk> = pieces.par_iter().map(|piece| walk(&known, piece)).collect();
        if !seams_in_order || walks.iter().any(|w| matches!(w, Walk::Unsorted)) {
            return References::Unsorted;
        }
        if walks.iter().any(|w| matches!(w, Walk::Missing)) {
            return References::Missing;
        }
        let mut rows: Vec<IdxSize> = Vec::with_capacity(child.len());
        for w in walks {
            if let Walk::Rows(piece) = w {
                rows.extend(piece);
            }
        }
        found.push(rows);
    }
    References::Rows(found)
}

/// What a merge walk found of one piece of a child column (no nulls).
enum Walk {
    /// Its values decrease somewhere.
    Unsorted,
    /// Sorted, but some value is not known.
    Missing,
    Rows(Vec<IdxSize>),
}

/// Walks one piece of a child column along `known`.
fn walk(known: &[&str], piece: &StringChunked) -> Walk {
    let mut rows: Vec<IdxSize> = Vec::with_capacity(piece.len());
    let mut values = piece.iter().flatten();
    let Some(first) = values.next() else {
        return Walk::Rows(rows);
    };
    let mut at = known.partition_point(|k| *k < first);
    let mut previous: Option<(&str, IdxSize)> = None;
    for value in std::iter::once(first).chain(values) {
        if let Some((p, row)) = previous {
            if p == value {
                rows.push(row);
                continue;
            }
            if p > value {
                return Walk::Unsorted;
            }
        }
        while at < known.len() && known[at] < value {
            at += 1;
        }
        if at == known.len() || known[at] != value {
            // Missing, unless the piece turns out unsorted further on.
            return match piece.iter().flatten().is_sorted() {
                true => Walk::Missing,
                false => Walk::Unsorted,
            };
        }
        rows.push(at as IdxSize);
        previous = Some((value, at as IdxSize));
    }
    Walk::Rows(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ca(values: &[&str]) -> StringChunked {
        StringChunked::from_slice("ids".into(), values)
    }

    #[test]
    fn order_tells_increasing_from_repeats_and_disorder() {
        assert_eq!(order(&ca(&["a", "b", "c"])), Order::Increasing);
        assert_eq!(order(&ca(&["a", "a", "c"])), Order::NonDecreasing);
        assert_eq!(order(&ca(&["b", "a"])), Order::Unsorted);
    }

    #[test]
    fn merge_walk_finds_rows_and_missing_references_or_declines() {
        let known = ca(&["a", "c", "e"]);
        assert_eq!(
            merge_rows(&known, &[ca(&["a", "a", "e"]), ca(&["c"])]),
            References::Rows(vec![vec![0, 0, 2], vec![1]])
        );
        assert_eq!(merge_rows(&known, &[ca(&["a", "b"])]), References::Missing);
        assert_eq!(merge_rows(&known, &[ca(&["e", "f"])]), References::Missing);
        assert_eq!(merge_rows(&known, &[ca(&["c", "a"])]), References::Unsorted);
        assert_eq!(
            merge_rows(&ca(&["c", "a"]), &[ca(&["a"])]),
            References::Unsorted
        );
    }

    #[test]
    fn long_children_are_walked_in_pieces_with_the_same_verdicts() {
        // Over 200,000 rows: at least four pieces, whatever the threads.
        let id = |i: usize| format!("s{i:07}");
        let known: Vec<String> = (0..100_000).map(|i| id(2 * i)).collect();
        let known = StringChunked::from_iter_values("k".into(), known.iter().map(String::as_str));
        let twice: Vec<String> = (0..100_000).flat_map(|i| [id(2 * i), id(2 * i)]).collect();
        let child = |values: &[String]| {
            StringChunked::from_iter_values("c".into(), values.iter().map(String::as_str))
        };
        // Verdicts by name, so that a failure does not print 200,000 rows.
        let verdict = |values: &[String]| match merge_rows(&known, &[child(values)]) {
            References::Rows(rows) => {
                let expected: Vec<IdxSize> = (0..200_000).map(|r| r / 2).collect();
                if rows == [expected] {
                    "the rows"
                } else {
                    "other rows"
                }
            }
            References::Missing => "missing",
            References::Unsorted => "unsorted",
        };
        assert_eq!(verdict(&twice), "the rows");
        // An id that is not known, late in the child.
        let mut missing = twice.clone();
        missing[180_001] = id(180_001);
        assert_eq!(verdict(&missing), "missing");
        // ... but the child decreases further on: hashing must decide.
        let mut both = missing.clone();
        both[190_000] = id(0);
        assert_eq!(verdict(&both), "unsorted");
        // A decrease early, then an unknown id late.
        let mut early = missing;
        early[10] = id(4);
        assert_eq!(verdict(&early), "unsorted");
        // A decrease exactly where one piece ends and the next begins
        // (piece sizes are at least 65,536): each piece is sorted alone.
        let mut seam = twice;
        for row in &mut seam[..65_536] {
            *row = id(199_998);
        }
        assert_eq!(verdict(&seam), "unsorted");
    }
}
