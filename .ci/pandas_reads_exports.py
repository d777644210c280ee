#!/usr/bin/env python3
"""pandas reads every table of an export with the types a user expects:
dates parse, booleans are booleans, counts are integers.

Usage: pandas_reads_exports.py EXPORT_DIR EXPECTED_SUMMITS

Run by .ci/run on the export of the shipped data (cargo test itself needs
no Python). Exits 1 with the first problem otherwise.
"""
import glob
import os
import sys

import pandas as pd


def main() -> int:
    out, summits = sys.argv[1], int(sys.argv[2])
    paths = sorted(glob.glob(os.path.join(out, "*.csv")))
    if len(paths) != 10:
        print(f"{out}: {len(paths)} tables, expected 10")
        return 1
    for path in paths:
        df = pd.read_csv(path)
        assert len(df) > 0, path
        for c in df.columns:
            if c.endswith("_date"):
                pd.to_datetime(df[c], format="%Y-%m-%d")
        if "joint_statement" in df.columns and df["joint_statement"].notna().all():
            assert df["joint_statement"].dtype == bool, path
        for c in ("seq", "n_participants", "n_summits", "n_visits"):
            if c in df.columns:
                assert str(df[c].dtype) == "int64", (path, c, df[c].dtype)
        if os.path.basename(path) == "summit_summary.csv":
            assert len(df) == summits, (path, len(df), summits)
        print(f"  {os.path.basename(path)}: {len(df)} rows read")
    return 0


if __name__ == "__main__":
    sys.exit(main())
