//! One fixture a defect: `summitry validate` names each problem exactly,
//! with its place, and exits 2; what must simply work, works.

use summitry::load;

use crate::util::{fixture, must_fail, must_succeed, summitry};

/// Runs `validate` on a fixture and checks the whole of stdout and the
/// exit code.
fn rejects(name: &str, expected: &[&str]) {
    let out = summitry(&["validate", "--data", &fixture(name)]);
    let mut lines: Vec<String> = expected.iter().map(|l| (*l).to_owned()).collect();
    let n = expected.len();
    let files = {
        let mut paths: Vec<&str> = expected
            .iter()
            .map(|l| l.split(':').next().unwrap_or(""))
            .collect();
        paths.dedup();
        paths.len()
    };
    lines.push(format!(
        "invalid: tests/fixtures/{name}: {n} problem{} in {files} file{}",
        if n == 1 { "" } else { "s" },
        if files == 1 { "" } else { "s" }
    ));
    assert_eq!(
        out.stdout,
        lines.join("\n") + "\n",
        "stderr: {}",
        out.stderr
    );
    assert_eq!(out.code, 2);
}

#[test]
fn valid_fixture_passes() {
    let out = summitry(&["validate", "--data", &fixture("valid")]);
    assert_eq!(
        out.stdout,
        "valid: tests/fixtures/valid: valid (2 summits)\n"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn a_bom_and_crlf_line_ends_load_exactly_like_the_clean_file() {
    let clean = load::collection(crate::util::in_package("tests/fixtures/valid")).unwrap();
    let windows = load::collection(crate::util::in_package("tests/fixtures/bom-and-crlf")).unwrap();
    for table in load::Table::ALL {
        assert!(
            clean.frame(table).equals_missing(windows.frame(table)),
            "{table:?}"
        );
    }
}

#[test]
fn ragged_row() {
    rejects(
        "ragged-row",
        &[
            "tests/fixtures/ragged-row/participants.csv:4:66: the row has 6 fields but the header has 7 columns [ragged-row]",
        ],
    );
}

#[test]
fn blank_line_between_rows() {
    // Blank lines at the end of the file are fine; between rows, polars
    // would read a row of nulls, and the csv crate would skip it.
    rejects(
        "blank-line",
        &[
            "tests/fixtures/blank-line/participants.csv:3:1: a blank line between rows: remove it [malformed-csv]",
        ],
    );
}

#[test]
fn quote_inside_an_unquoted_field() {
    rejects(
        "quote-in-field",
        &[
            "tests/fixtures/quote-in-field/summits.csv:2:20: a quote inside an unquoted field: quote the whole field and double the `\"` [malformed-csv]",
        ],
    );
}

#[test]
fn text_after_a_closing_quote() {
    rejects(
        "text-after-quote",
        &[
            "tests/fixtures/text-after-quote/summits.csv:2:91: text follows a closing quote: quote the whole field and double any `\"` inside it [malformed-csv]",
        ],
    );
}

#[test]
fn unclosed_quote() {
    rejects(
        "unclosed-quote",
        &[
            "tests/fixtures/unclosed-quote/sources.csv:3:51: a quoted field is never closed: add the closing `\"` [malformed-csv]",
        ],
    );
}

#[test]
fn invalid_utf8() {
    rejects(
        "invalid-utf8",
        &[
            "tests/fixtures/invalid-utf8/participants.csv:6:31: name: the text is not valid UTF-8: save the file as UTF-8 [invalid-utf8]",
        ],
    );
}

#[test]
fn empty_file() {
    rejects(
        "empty-file",
        &[
            "tests/fixtures/empty-file/outcomes.csv: the file is empty: expected a header row naming the columns of outcomes.csv [empty-file]",
        ],
    );
}

#[test]
fn missing_required_column() {
    rejects(
        "missing-column",
        &[
            "tests/fixtures/missing-column/summits.csv:1: city: the required column `city` is missing from the header (found: summit_id, name, side_a, side_b, start_date, end_date, host_country, format, venue, latitude, longitude, host_side, name_ar, name_ru) [missing-column]",
        ],
    );
}

#[test]
fn wrong_types() {
    rejects(
        "wrong-types",
        &[
            "tests/fixtures/wrong-types/outcomes.csv:2:13: joint_statement: \"yes\" is not a boolean (true or false) [wrong-type]",
            "tests/fixtures/wrong-types/outcomes.csv:2:24: agreements_signed: \"one\" is not a whole number [wrong-type]",
            "tests/fixtures/wrong-types/summits.csv:2:35: start_date: \"19/11/1985\" is not a date written YYYY-MM-DD [wrong-type]",
        ],
    );
}

#[test]
fn unknown_vocabulary_value() {
    rejects(
        "unknown-value",
        &[
            "tests/fixtures/unknown-value/participants.csv:6:67: portfolio: unknown value \"economics\": expected one of leader, foreign, security, economic, interpreting, other [unknown-value]",
        ],
    );
}

#[test]
fn unknown_country_code() {
    rejects(
        "unknown-country",
        &[
            "tests/fixtures/unknown-country/summits.csv:2:31: side_b: unknown country code \"URS\": expected an ISO 3166-1 alpha-3 code such as USA, or SUN for the Soviet Union [unknown-country]",
        ],
    );
}

#[test]
fn unknown_stakeholder_code() {
    rejects(
        "unknown-stakeholder",
        &[
            "tests/fixtures/unknown-stakeholder/context.csv:2:16: absent_stakeholders: unknown country or organisation code \"EEU\" in \"UKR;EEU\": expected `;`-separated codes such as UKR;EU [unknown-country]",
        ],
    );
}

#[test]
fn duplicate_id() {
    rejects(
        "duplicate-id",
        &[
            "tests/fixtures/duplicate-id/summits.csv:4:1: summit_id: duplicate summit_id \"1985-geneva\": first used at line 2 [duplicate-id]",
        ],
    );
}

#[test]
fn end_before_start() {
    rejects(
        "end-before-start",
        &[
            "tests/fixtures/end-before-start/summits.csv:2:46: end_date: end_date 1985-11-18 is before start_date 1985-11-19 [end-before-start]",
        ],
    );
}

#[test]
fn reference_to_a_summit_that_does_not_exist() {
    rejects(
        "unknown-summit",
        &[
            "tests/fixtures/unknown-summit/participants.csv:2:1: summit_id: no summit \"1985-genva\" in summits.csv [unknown-summit]",
        ],
    );
}

#[test]
fn latitude_out_of_range() {
    rejects(
        "out-of-range",
        &[
            "tests/fixtures/out-of-range/summits.csv:3:119: latitude: 91.5 is out of range: expected a number from -90 to 90 [out-of-range]",
        ],
    );
}

#[test]
fn required_value_missing() {
    rejects(
        "missing-value",
        &[
            "tests/fixtures/missing-value/participants.csv:5:1: name: `name` is required but empty [missing-value]",
        ],
    );
}

#[test]
fn statement_text_file_missing() {
    rejects(
        "missing-text-file",
        &[
            "tests/fixtures/missing-text-file/statements.csv:2:104: text_file: the file \"texts/missing.txt\" is not in the collection [missing-file]",
        ],
    );
}

#[test]
fn records_valid_fixture_passes() {
    let out = summitry(&["validate", "--data", &fixture("records-valid")]);
    assert_eq!(
        out.stdout,
        "valid: tests/fixtures/records-valid: records-valid (2 summits)\n"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn records_json_syntax_error() {
    let out = summitry(&["validate", "--data", &fixture("records-json-syntax")]);
    assert_eq!(
        out.stdout,
        "tests/fixtures/records-json-syntax/records/2025-anchorage.json:8:22: invalid JSON: Expected comma [syntax]\n\
         invalid: tests/fixtures/records-json-syntax: a record file could not be parsed\n"
    );
    assert_eq!(out.code, 2);
}

#[test]
fn records_toml_syntax_error() {
    let out = summitry(&["validate", "--data", &fixture("records-toml-syntax")]);
    assert_eq!(
        out.stdout,
        "tests/fixtures/records-toml-syntax/records/1985-geneva.toml:7:8: invalid TOML: string values must be quoted, expected literal string [syntax]\n\
         invalid: tests/fixtures/records-toml-syntax: a record file could not be parsed\n"
    );
    assert_eq!(out.code, 2);
}

#[test]
fn records_wrong_shape_and_bad_values_are_located_in_the_record_file() {
    rejects(
        "records-wrong-shape",
        &[
            "tests/fixtures/records-wrong-shape/records/2025-anchorage.toml:9:10: format: `format` must be a single value, not a list or table [wrong-shape]",
            "tests/fixtures/records-wrong-shape/records/2025-anchorage.toml:36:11: country: unknown country code \"XXR\": expected an ISO 3166-1 alpha-3 code such as USA, or SUN for the Soviet Union [unknown-country]",
        ],
    );
}

#[test]
fn other_commands_refuse_invalid_data_with_the_findings_on_stderr() {
    let out = must_fail(2, &["list", "--data", &fixture("unknown-country")]);
    assert_eq!(out.stdout, "");
    out.stderr_contains("summits.csv:2:31: side_b: unknown country code \"URS\"");
    assert!(
        out.stderr
            .ends_with("error: invalid data: 1 problem in 1 file\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_library_returns_every_finding_and_no_frames() {
    let err = load::collection(crate::util::in_package("tests/fixtures/wrong-types")).unwrap_err();
    let summitry::Error::Invalid(report) = err else {
        panic!("expected invalid data, got {err}")
    };
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule.name()).collect();
    assert_eq!(rules, ["wrong-type", "wrong-type", "wrong-type"]);
    assert_eq!(report.findings[2].value.as_deref(), Some("19/11/1985"));
}

/// No input makes the loader panic: every single-byte change of a valid
/// collection's tables either loads or is rejected with located findings.
#[test]
fn mutated_tables_never_panic() {
    let base = crate::util::in_package("tests/fixtures/valid");
    let dir = tempfile::tempdir().unwrap();
    let files = [
        "summits.csv",
        "participants.csv",
        "outcomes.csv",
        "context.csv",
    ];
    let replacements: &[u8] = b"\",\n\r;-x\xff\xc3 0.";
    // A fixed linear congruential sequence keeps the cases reproducible.
    let mut state: u64 = 20_250_815;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    for case in 0..120 {
        for entry in std::fs::read_dir(&base).unwrap() {
            let entry = entry.unwrap();
            if entry.path().is_file() {
                std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
            }
        }
        std::fs::create_dir_all(dir.path().join("texts")).unwrap();
        std::fs::copy(
            base.join("texts/1985-geneva-joint.txt"),
            dir.path().join("texts/1985-geneva-joint.txt"),
        )
        .unwrap();
        let file = files[case % files.len()];
        let path = dir.path().join(file);
        let mut bytes = std::fs::read(&path).unwrap();
        let at = next(bytes.len());
        match next(3) {
            0 => bytes[at] = replacements[next(replacements.len())],
            1 => {
                bytes.remove(at);
            }
            _ => bytes.insert(at, replacements[next(replacements.len())]),
        }
        std::fs::write(&path, &bytes).unwrap();
        match load::collection(dir.path()) {
            Ok(_) => {}
            // Every problem the fast checks see, the precise ones locate.
            Err(summitry::Error::Invalid(report)) => assert!(
                !report.findings.is_empty()
                    && report
                        .findings
                        .iter()
                        .all(|f| !f.message.contains("could not locate")),
                "case {case} ({file} at {at}): {:?}",
                report.findings
            ),
            Err(other) => panic!("case {case} ({file} at {at}): unexpected error {other}"),
        }
    }
}

/// The collections `shared/bench/gen_synthetic.py` writes are valid; this
/// one was written with `gen_synthetic.py tests/fixtures/synthetic-200 200`.
#[test]
fn a_generated_synthetic_collection_is_valid() {
    let out = summitry(&["validate", "--data", &fixture("synthetic-200")]);
    assert_eq!(
        out.stdout,
        "valid: tests/fixtures/synthetic-200: synthetic-200 (200 summits)\n"
    );
    assert_eq!(out.code, 0);
}

#[test]
fn an_id_used_by_two_collections_loaded_together_is_located_in_the_second() {
    rejects(
        "two-collections",
        &[
            "tests/fixtures/two-collections/b/summits.csv:3:1: summit_id: duplicate summit_id \"2025-anchorage\": also in tests/fixtures/two-collections/a [duplicate-id]",
        ],
    );
}

/// A long row and a short row keep the file's comma count right; the long
/// one must still be caught, and both reported.
#[test]
fn a_long_row_and_a_short_row_do_not_cancel_out() {
    rejects(
        "long-and-short-rows",
        &[
            "tests/fixtures/long-and-short-rows/participants.csv:4:77: the row has 8 fields but the header has 7 columns [ragged-row]",
            "tests/fixtures/long-and-short-rows/participants.csv:5:70: the row has 6 fields but the header has 7 columns [ragged-row]",
        ],
    );
}

/// References are checked by one anti join, whatever the order of the
/// ids: a missing summit in an unsorted table is found.
#[test]
fn reference_to_a_missing_summit_in_an_unsorted_table() {
    rejects(
        "unknown-summit-unsorted",
        &[
            "tests/fixtures/unknown-summit-unsorted/participants.csv:2:1: summit_id: no summit \"2025-anchorag\" in summits.csv [unknown-summit]",
        ],
    );
}

/// A record file that starts with a byte order mark is located as an
/// editor shows it: the mark takes no column.
#[test]
fn invalid_utf8_after_a_byte_order_mark_in_a_record() {
    rejects(
        "records-bom-invalid-utf8",
        &[
            "tests/fixtures/records-bom-invalid-utf8/records/1985-geneva.toml:1:22: the text is not valid UTF-8: save the file as UTF-8 [invalid-utf8]",
        ],
    );
}

/// A summit id names its record file (`convert --to records`): one that
/// could climb out of `records/` is refused where it is written.
#[test]
fn a_summit_id_that_is_not_a_plain_id() {
    rejects(
        "invalid-id",
        &[
            "tests/fixtures/invalid-id/summits.csv:2:1: summit_id: \"../1985-geneva\" is not an id: use ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit, as in 2025-anchorage [invalid-id]",
        ],
    );
}

/// An interpreter coded with a ministry's portfolio: the codebook counts
/// interpreters and note-takers as `interpreting`.
#[test]
fn interpreter_portfolio() {
    rejects(
        "interpreter-portfolio",
        &[
            "tests/fixtures/interpreter-portfolio/participants.csv:4:65: portfolio: an interpreter's portfolio is `interpreting`, not \"foreign\": interpreters and note-takers are counted apart from the ministry that employs them [interpreter-portfolio]",
        ],
    );
}

/// The agreements an outcome names are never more than it counts (blank
/// parts of the list are not names); fewer is allowed, where a source
/// gives the total but not every name (1974-moscow in the shipped data).
#[test]
fn agreements_count() {
    rejects(
        "agreements-count",
        &[
            "tests/fixtures/agreements-count/outcomes.csv:2:25: agreements_signed: agreements_signed is 0, but `agreements` names 1: count every agreement named, or take out of the list what was not signed at the summit [agreements-count]",
            "tests/fixtures/agreements-count/outcomes.csv:3:33: agreements_signed: agreements_signed is 1, but `agreements` names 2: count every agreement named, or take out of the list what was not signed at the summit [agreements-count]",
        ],
    );
}

/// A text whose title calls it a statement, declaration or communiqué is
/// a joint text, never an agreement, wherever it stands in the list; a
/// declaration named inside an agreement's title ("the Agreement on the
/// Implementation of the Geneva Declaration") is not one.
#[test]
fn agreement_is_joint_text() {
    rejects(
        "agreement-is-joint-text",
        &[
            "tests/fixtures/agreement-is-joint-text/outcomes.csv:2:27: agreements: `agreements` names \"Joint statement on the prevention of nuclear war\", whose title makes it a joint text, not an agreement: list it in statements.csv, code joint_statement, and leave it out of agreements_signed [agreement-is-joint-text]",
            "tests/fixtures/agreement-is-joint-text/outcomes.csv:3:35: agreements: `agreements` names \"Trilateral Statement and Annex\", whose title makes it a joint text, not an agreement: list it in statements.csv, code joint_statement, and leave it out of agreements_signed [agreement-is-joint-text]",
        ],
    );
}

/// The tables of facts that context is computed from are checked like
/// any table: vocabularies, spans, country codes, required values, each
/// problem at its place.
#[test]
fn context_tables() {
    rejects(
        "context-tables",
        &[
            "tests/fixtures/context-tables/conflicts.csv:2:45: camp: unknown value \"c\": expected one of a, b [unknown-value]",
            "tests/fixtures/context-tables/conflicts.csv:2:70: end_date: end_date 2000-12-31 is before start_date 2001-01-01 [end-before-start]",
            "tests/fixtures/context-tables/sanctions.csv:2:34: imposer: unknown country code \"XXA\": expected an ISO 3166-1 alpha-3 code such as USA, or SUN for the Soviet Union [unknown-country]",
            "tests/fixtures/context-tables/warrants.csv:2:1: person: `person` is required but empty [missing-value]",
        ],
    );
}

/// Questions from the press are coded only for the leaders' joint
/// appearance: refused where joint_press_conference is false or empty.
#[test]
fn press_questions() {
    rejects(
        "press-questions",
        &[
            "tests/fixtures/press-questions/outcomes.csv:2:24: press_questions_taken: press_questions_taken is coded, but joint_press_conference is false: questions are coded only for the leaders' joint appearance before the press; code joint_press_conference true if they faced the press together, or leave press_questions_taken empty (and say in the notes if a leader took questions on his own) [press-questions]",
            "tests/fixtures/press-questions/outcomes.csv:3:23: press_questions_taken: press_questions_taken is coded, but joint_press_conference is empty: questions are coded only for the leaders' joint appearance before the press; code joint_press_conference true if they faced the press together, or leave press_questions_taken empty (and say in the notes if a leader took questions on his own) [press-questions]",
        ],
    );
}

/// A row of unsettled.csv says a value was looked for and no source
/// settles it: refused where the value is coded (an outcome field, a
/// delegation member named), where a delegation row names no side or a
/// side not of its summit, where an outcome row names a side, and where
/// the same value is logged twice.
#[test]
fn unsettled_rows_agree_with_the_data() {
    rejects(
        "unsettled",
        &[
            "tests/fixtures/unsettled/unsettled.csv:2:13: field: this row says no source settles joint_statement of 1985-geneva, but the outcome codes it (true at tests/fixtures/unsettled/outcomes.csv:2:13): delete the row if a source settles it, or empty the value if none does [unsettled-coded]",
            "tests/fixtures/unsettled/unsettled.csv:3:34: side: a side is named only for a `delegation` row: agreements_signed is one value of the summit; leave side empty [unsettled-side]",
            "tests/fixtures/unsettled/unsettled.csv:4:1: side: a `delegation` row names the side whose delegation no source names, but side is empty: name one of the summit's sides, USA or RUS [unsettled-side]",
            "tests/fixtures/unsettled/unsettled.csv:5:27: side: SUN is not a side of 2025-anchorage: expected USA or RUS [unsettled-side]",
            "tests/fixtures/unsettled/unsettled.csv:6:16: field: this row says no source names RUS's delegation at 2025-anchorage beyond its leader, but Sergey Lavrov is named at tests/fixtures/unsettled/participants.csv:4:1: delete the row [unsettled-coded]",
            "tests/fixtures/unsettled/unsettled.csv:8:1: summit_id: duplicate (summit_id, field, side) (2025-anchorage, joint_statement, ): first used at line 7 [duplicate-id]",
        ],
    );
}

/// A joint statement, declaration or communiqué issued `joint` is the
/// evidence for `joint_statement = true`: false and empty are each
/// refused where they are (1990 has no outcome row: nothing to refuse).
#[test]
fn joint_text_not_coded() {
    rejects(
        "joint-text-not-coded",
        &[
            "tests/fixtures/joint-text-not-coded/outcomes.csv:2:17: joint_statement: 1987-washington has a joint text (\"Joint Statement\", at tests/fixtures/joint-text-not-coded/statements.csv:2:1), but joint_statement is false: code it true [joint-text-not-coded]",
            "tests/fixtures/joint-text-not-coded/outcomes.csv:3:1: joint_statement: 1988-moscow has a joint text (\"Joint Statement\", at tests/fixtures/joint-text-not-coded/statements.csv:3:1), but joint_statement is empty: code it true [joint-text-not-coded]",
        ],
    );
}

/// The dates rule: a summit's texts are dated on its days or the two
/// days after (Kennebunkport's declaration of the next morning passes,
/// one of three days later does not; nor does a text dated before a
/// summit; an undated text is not judged).
#[test]
fn statement_date() {
    rejects(
        "statement-date",
        &[
            "tests/fixtures/statement-date/statements.csv:4:76: date: the statement is dated 2007-07-05, but summit 2007-kennebunkport ran from 2007-07-01 to 2007-07-02: a summit's texts are dated on its days or the two days after; correct the date, the summit's days (the days the leaders met, not the whole visit), or the summit the text is given to [statement-date]",
            "tests/fixtures/statement-date/statements.csv:5:58: date: the statement is dated 2010-04-07, but summit 2010-prague was held on 2010-04-08: a summit's texts are dated on its days or the two days after; correct the date, the summit's days (the days the leaders met, not the whole visit), or the summit the text is given to [statement-date]",
        ],
    );
}

/// The reverse of `joint-text-not-coded` is a warning, not an error: a
/// summit coded with a joint statement whose text is not listed (1988)
/// is named where its code is, the data stays valid and `validate` exits
/// 0; a summit whose joint text is listed (1987) is not named.
#[test]
fn joint_text_missing_is_a_warning() {
    let warning = "tests/fixtures/joint-text-missing/outcomes.csv:3:13: joint_statement: 1988-moscow is coded joint_statement = true, but the collection's statements list no joint text for it: add the text's row (kind joint_statement, joint_declaration or communique; issued_by joint), or recode joint_statement from the sources [joint-text-missing]";
    let out = must_succeed(&["validate", "--data", &fixture("joint-text-missing")]);
    assert_eq!(
        out.stdout,
        format!(
            "warning: {warning}\nvalid: tests/fixtures/joint-text-missing: joint-text-missing (3 summits); 1 warning\n"
        )
    );
    let csv = must_succeed(&[
        "validate",
        "--data",
        &fixture("joint-text-missing"),
        "--format",
        "csv",
    ]);
    let rows: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        rows[0],
        "path,line,column,field,rule,value,message,severity"
    );
    assert!(
        rows[1].starts_with("tests/fixtures/joint-text-missing/outcomes.csv,3,13,joint_statement,joint-text-missing,true,")
            && rows[1].ends_with(",warning"),
        "{}",
        rows[1]
    );
    assert_eq!(rows.len(), 2);
    let json = must_succeed(&[
        "validate",
        "--data",
        &fixture("joint-text-missing"),
        "--format",
        "json",
    ]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["valid"], true);
    assert_eq!(value["findings"].as_array().unwrap().len(), 0);
    assert_eq!(value["warnings"][0]["rule"], "joint-text-missing");
    assert_eq!(value["warnings"][0]["location"]["line"], 3);
}

/// Records warn as tables do, at the record's `joint_statement` value;
/// a collection that lists no statement at all is not warned.
#[test]
fn joint_text_missing_in_records_and_without_statements() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records-form");
    must_succeed(&[
        "convert",
        "--data",
        &fixture("joint-text-missing"),
        "--to",
        "records",
        "--out",
        records.to_str().unwrap(),
    ]);
    let out = must_succeed(&["validate", "--data", records.to_str().unwrap()]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stdout);
    assert!(
        lines[0].starts_with(&format!(
            "warning: {}/records/1988-moscow.",
            records.display()
        )) && lines[0].ends_with(": joint_statement: 1988-moscow is coded joint_statement = true, but the collection's statements list no joint text for it: add the text's row (kind joint_statement, joint_declaration or communique; issued_by joint), or recode joint_statement from the sources [joint-text-missing]"),
        "{}",
        lines[0]
    );
    assert!(lines[1].ends_with("(3 summits); 1 warning"), "{}", lines[1]);

    let bare = dir.path().join("no-statements");
    std::fs::create_dir(&bare).unwrap();
    for file in ["summits.csv", "outcomes.csv"] {
        std::fs::copy(
            crate::util::in_package(&format!("tests/fixtures/joint-text-missing/{file}")),
            bare.join(file),
        )
        .unwrap();
    }
    let out = must_succeed(&["validate", "--data", bare.to_str().unwrap()]);
    assert!(out.stdout.starts_with("valid: "), "{}", out.stdout);
    assert!(!out.stdout.contains("warning"), "{}", out.stdout);
}

/// A stray quote in a header name: RFC 4180 and polars' reader refuse
/// it, so the header check does too, where it is.
#[test]
fn header_stray_quote() {
    rejects(
        "header-stray-quote",
        &[
            "tests/fixtures/header-stray-quote/summits.csv:1:77: the header: a quote inside an unquoted field: quote the whole field and double the `\"` [malformed-csv]",
        ],
    );
}
