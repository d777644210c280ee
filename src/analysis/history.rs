//! A dyad's history: where each summit stands among the dyad's gaps.

use polars::prelude::*;

use super::read;

/// One row a summit, in dyad order: the gap since the previous summit,
/// its rank among all the dyad's gaps (`gap_rank` 1 = the longest, ties
/// sharing the better rank), `gap_percentile` (the share of the dyad's
/// gaps no longer than this one, in percent, 1 place, halves rounded away
/// from zero), and the most recent earlier gap at least as long
/// (`longer_gap_from`, `longer_gap_to`: the summits it ran between), null
/// when none was: the numbers behind "the longest gap since 1979–1985".
pub fn dyad_history(facts: &DataFrame) -> PolarsResult<DataFrame> {
    let gap = || col("gap_days");
    let rank = |method, descending| gap().rank(RankOptions { method, descending }, None);
    let dyad = [col("dyad")];
    let mut out = facts
        .clone()
        .lazy()
        .select([
            col("summit_id"),
            col("dyad"),
            col("seq"),
            col("start_date"),
            col("previous_summit_id"),
            gap(),
            // 1 + the number of the dyad's gaps longer than this one.
            rank(RankMethod::Min, true)
                .over(dyad.clone())?
                .cast(DataType::Int64)
                .alias("gap_rank"),
            gap()
                .count()
                .over(dyad.clone())?
                .cast(DataType::Int64)
                .alias("n_gaps"),
            // The share of the dyad's gaps no longer than this one.
            (lit(100.0)
                * rank(RankMethod::Max, false)
                    .over(dyad.clone())?
                    .cast(DataType::Float64)
                / gap().count().over(dyad)?.cast(DataType::Float64))
            .round(1, RoundMode::HalfAwayFromZero)
            .alias("gap_percentile"),
        ])
        .collect()?;
    let longer = longer_gaps(facts)?;
    let from = facts.column("previous_summit_id")?.take(&longer)?;
    let to = facts.column("summit_id")?.take(&longer)?;
    out.with_column(from.with_name("longer_gap_from".into()))?;
    out.with_column(to.with_name("longer_gap_to".into()))?;
    Ok(out)
}

/// For each summit, the row of the dyad's latest earlier summit whose gap
/// was at least as long as its own (none for a summit without a gap, or
/// whose gap is the longest yet). A previous-greater-or-equal search, by
/// the usual stack of earlier gaps, each longer than every later one
/// kept: polars has no expression for it, and a self-join would pair
/// every summit with every earlier one of its dyad.
fn longer_gaps(facts: &DataFrame) -> PolarsResult<IdxCa> {
    // Dyads as numbers: the Enum's codes, or text turned into run numbers.
    let column = facts.column("dyad")?;
    let dyads: Vec<Option<u32>> = if matches!(column.dtype(), DataType::Enum(..)) {
        super::enum_codes(column)?
    } else {
        let text = column.cast(&DataType::String)?;
        let mut run = 0;
        let mut previous = None;
        text.str()?
            .iter()
            .map(|d| {
                if d != previous {
                    run += 1;
                    previous = d;
                }
                Some(run)
            })
            .collect()
    };
    let gaps = read::int(facts, "gap_days")?;
    let mut longer: Vec<Option<IdxSize>> = vec![None; gaps.len()];
    let mut stack: Vec<(i64, usize)> = Vec::new();
    for i in 0..gaps.len() {
        if i > 0 && dyads[i] != dyads[i - 1] {
            stack.clear();
        }
        let Some(gap) = gaps[i] else { continue };
        while stack.last().is_some_and(|&(g, _)| g < gap) {
            stack.pop();
        }
        if let Some(&(_, j)) = stack.last() {
            longer[i] = Some(j as IdxSize);
        }
        stack.push((gap, i));
    }
    Ok(IdxCa::from_iter_options("".into(), longer.into_iter()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(gaps: &[Option<i64>]) -> DataFrame {
        let n = gaps.len();
        let ids: Vec<String> = (0..n).map(|i| format!("s{i}")).collect();
        let previous: Vec<Option<String>> = (0..n)
            .map(|i| (i > 0).then(|| format!("s{}", i - 1)))
            .collect();
        df!(
            "summit_id" => ids,
            "dyad" => vec!["RUS-USA"; n],
            "seq" => (1..=n as i64).collect::<Vec<_>>(),
            "start_date" => vec![0i32; n],
            "previous_summit_id" => previous,
            "gap_days" => gaps.to_vec(),
        )
        .unwrap()
    }

    #[test]
    fn longest_since_points_at_the_latest_gap_at_least_as_long() {
        // Gaps: -, 500, 100, 300, 300, 600, 200.
        let h = dyad_history(&facts(&[
            None,
            Some(500),
            Some(100),
            Some(300),
            Some(300),
            Some(600),
            Some(200),
        ]))
        .unwrap();
        let to = read::text(&h, "longer_gap_to").unwrap();
        let from = read::text(&h, "longer_gap_from").unwrap();
        assert_eq!(to[3].as_deref(), Some("s1")); // 300: since the 500 ending at s1
        assert_eq!(to[4].as_deref(), Some("s3")); // a tie counts as "at least as long"
        assert_eq!(to[5], None); // 600: the longest ever
        assert_eq!(
            (from[6].as_deref(), to[6].as_deref()),
            (Some("s4"), Some("s5"))
        );
        let rank = read::int(&h, "gap_rank").unwrap();
        assert_eq!(
            rank,
            [None, Some(2), Some(6), Some(3), Some(3), Some(1), Some(5)]
        );
        let pct = read::float(&h, "gap_percentile").unwrap();
        assert_eq!(pct[5], Some(100.0));
        assert_eq!(pct[2], Some(16.7));
    }

    #[test]
    fn a_single_summit_dyad_has_no_gap_and_no_rank() {
        let h = dyad_history(&facts(&[None])).unwrap();
        assert_eq!(read::int(&h, "gap_rank").unwrap(), [None]);
        assert_eq!(read::int(&h, "n_gaps").unwrap(), [Some(0)]);
    }
}
