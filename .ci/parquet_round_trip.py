"""The Parquet exports hold the same values as the CSV exports, read in
pandas (through pyarrow) and in Python Polars.

Usage: parquet_round_trip.py CSV_DIR PARQUET_DIR

Every *.csv below CSV_DIR has a *.parquet at the same place below
PARQUET_DIR. Polars reads both and compares them after casting the Parquet
columns' categories to text and reading the CSV with the Parquet's types;
pandas reads the Parquet and must see the same values as Polars, with the
vocabularies as categories and dates as dates.
"""

import pathlib
import sys

import pandas as pd
import polars as pl


def main(csv_dir: pathlib.Path, parquet_dir: pathlib.Path) -> None:
    pairs = sorted(csv_dir.rglob("*.csv"))
    assert pairs, f"no CSV below {csv_dir}"
    categories = 0
    for csv_path in pairs:
        rel = csv_path.relative_to(csv_dir)
        parquet_path = parquet_dir / rel.with_suffix(".parquet")
        assert parquet_path.exists(), f"{parquet_path} is missing"
        typed = pl.read_parquet(parquet_path)
        # Categories and enums are compared as their text.
        as_text = typed.with_columns(
            [pl.col(c).cast(pl.String) for c, t in typed.schema.items() if t in (pl.Categorical, pl.Enum) or isinstance(t, (pl.Categorical, pl.Enum))]
        )
        schema = {c: (pl.String if isinstance(t, (pl.Categorical, pl.Enum)) else t) for c, t in typed.schema.items()}
        text = pl.read_csv(csv_path, schema=schema)
        if not as_text.equals(text, null_equal=True):
            raise SystemExit(f"{rel}: the Parquet and CSV values differ in Polars")
        frame = pd.read_parquet(parquet_path)
        assert list(frame.columns) == as_text.columns, f"{rel}: pandas sees other columns"
        assert len(frame) == as_text.height, f"{rel}: pandas sees {len(frame)} rows"
        for name, dtype in typed.schema.items():
            column = frame[name]
            if isinstance(dtype, (pl.Categorical, pl.Enum)):
                assert isinstance(column.dtype, pd.CategoricalDtype), f"{rel}: {name} is not a category in pandas"
                categories += 1
                expected = as_text[name].to_list()
                seen = [None if pd.isna(v) else str(v) for v in column.tolist()]
                assert seen == expected, f"{rel}: {name} differs in pandas"
            elif dtype == pl.Date:
                seen = [None if pd.isna(v) else pd.Timestamp(v).date() for v in column.tolist()]
                assert seen == as_text[name].to_list(), f"{rel}: {name} differs in pandas"
        print(f"  {rel.with_suffix('')}: {as_text.height} rows equal in Polars and pandas")
    print(f"  {len(pairs)} tables, {categories} category columns")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]))
