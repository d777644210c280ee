//! The report of a study, in each of its languages: Markdown
//! (`report.<lang>.md`) and the same text as one self-contained web page
//! (`report.<lang>.html`: charts inline as SVG, styles inline, the
//! bundled fonts embedded).
//!
//! Every sentence is a comparison's ([`crate::analysis::sentences`]),
//! written in the report's language with its numbers; every section ends
//! with the sources of the summits it names, as links. The page ends with
//! how to cite it and the hash of the inputs the manifest records.

mod html;
pub mod words;

use polars::prelude::*;

use crate::analysis::sentences::Say;
use crate::analysis::{Derived, compare, read};
use crate::chart::{self, Kind};
use crate::cite::Citation;
use crate::error::Result;
use crate::load::Collection;
use crate::model::Lang;
use crate::study::spec::Study;
use crate::text::Style;
use words::{label, word};

/// A chart of the run, as the report shows it.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Its kind.
    pub kind: Kind,
    /// Its language.
    pub lang: Lang,
    /// The SVG document.
    pub svg: String,
}

/// What every page of a run's report shares.
pub struct Inputs<'a> {
    /// The study.
    pub study: &'a Study,
    /// The data it ran on.
    pub data: &'a Collection,
    /// The facts, history and presence of the data.
    pub derived: &'a Derived,
    /// The comparisons of the focus summits in English, in their order
    /// (the run's tables): the English report reads them, the others are
    /// written in their language.
    pub english: &'a [DataFrame],
    /// The run's charts.
    pub charts: &'a [Chart],
    /// The manifest's `inputs_sha256`.
    pub inputs_sha256: &'a str,
}

/// The report's files in every language of the study, in order:
/// `report.<lang>.md` and `report.<lang>.html`.
pub fn pages(inputs: &Inputs<'_>) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for lang in &inputs.study.charts.languages {
        let style = Style {
            lang: *lang,
            digits: if *lang == Lang::Ar {
                inputs.study.charts.options.digits
            } else {
                crate::text::Digits::Western
            },
        };
        let markdown = markdown(inputs, style)?;
        let page = html::page(&markdown, style, inputs.charts)?;
        files.push((format!("report.{}.md", lang.code()), markdown.into_bytes()));
        files.push((format!("report.{}.html", lang.code()), page.into_bytes()));
    }
    Ok(files)
}

/// The title and description of the report in a language: the study's
/// own in English, its translation, or the focus summits' names.
fn heading(inputs: &Inputs<'_>, lang: Lang) -> Result<(String, String)> {
    let study = inputs.study;
    if lang == Lang::En {
        return Ok((study.title.clone(), study.description.trim().to_owned()));
    }
    if let Some(t) = study.translations.get(&lang) {
        return Ok((t.title.clone(), t.description.trim().to_owned()));
    }
    let names = study
        .focus
        .iter()
        .map(|id| summit_name(inputs.data, id, lang))
        .collect::<Result<Vec<_>>>()?;
    let joined = names.join(if lang == Lang::Ar { "، " } else { ", " });
    Ok((
        word("in_context", lang).replace("{name}", &joined),
        String::new(),
    ))
}

/// A summit's name in `lang` (its English name where the data has none).
fn summit_name(data: &Collection, id: &str, lang: Lang) -> Result<String> {
    let s = data.record(id)?.summit;
    Ok(match lang {
        Lang::Ar => s.name_ar.unwrap_or(s.name),
        Lang::Ru => s.name_ru.unwrap_or(s.name),
        Lang::En => s.name,
    })
}

/// The report in one language, as Markdown.
fn markdown(inputs: &Inputs<'_>, style: Style) -> Result<String> {
    let Inputs {
        study,
        data,
        derived,
        ..
    } = inputs;
    let lang = style.lang;
    let comparisons = if lang == Lang::En {
        inputs.english.to_vec()
    } else {
        let say = Say::new(style, data)?;
        study
            .focus
            .iter()
            .map(|focus| compare::compare_in(data, derived, focus, study.compare, &say))
            .collect::<Result<Vec<_>>>()?
    };
    let history = derived.history()?;
    let presence = derived.presence(data)?;
    let (title, description) = heading(inputs, lang)?;
    let mut md = format!("# {title}\n\n");
    if !description.is_empty() {
        md.push_str(&format!("{description}\n"));
    }
    if study.focus.len() > 1 {
        md.push_str(&side_by_side(inputs, &comparisons, style)?);
    }
    for (focus, table) in study.focus.iter().zip(&comparisons) {
        let record = data.record(focus)?;
        let s = &record.summit;
        md.push_str(&match lang {
            Lang::En => format!(
                "\n## {} ({}, {} to {}, {})\n\n",
                s.name, focus, s.start_date, s.end_date, s.city
            ),
            _ => format!(
                "\n## {} ({})\n\n",
                summit_name(data, focus, lang)?,
                style.days_span(s.start_date, s.end_date)
            ),
        });
        let metrics = read::text(table, "metric")?;
        let this = read::text(table, "this")?;
        let past = read::text(table, "history")?;
        let verdict = read::text(table, "verdict")?;
        for (i, metric) in metrics.iter().enumerate() {
            let metric = metric.clone().unwrap_or_default();
            let value = this[i].clone().unwrap_or_default();
            let label = label(&metric, &value, lang);
            let before = past[i].clone().unwrap_or_default();
            let said = verdict[i].clone().unwrap_or_default();
            // A leader's line is labelled with the name `this` holds.
            let mut line = if metric.starts_with("presence:") {
                format!("- **{label}**:")
            } else {
                format!("- **{label}**: {}", full_stop(&value))
            };
            // A leader's history is his own meetings: no "History:" label.
            if !before.is_empty() && metric.starts_with("presence:") {
                line.push_str(&format!(" {}", full_stop(&capitalise(&before))));
            } else if !before.is_empty() {
                line.push_str(&format!(
                    " {}: {}",
                    word("history", lang),
                    full_stop(&before)
                ));
            }
            line.push_str(&format!(" {}\n", full_stop(&capitalise(&said))));
            md.push_str(&line);
        }
        md.push_str(&sources(inputs, focus, history, presence, lang)?);
        md.push_str(&context_facts(inputs, focus, lang)?);
        md.push_str(&official_record(inputs, focus, presence, style)?);
    }
    md.push_str(&charts(inputs, lang));
    md.push_str(&citation(inputs, lang)?);
    Ok(md)
}

/// The summits a section's sentences rest on, each with its sources: this
/// one, the one before, the ends of the longer gap, the leaders' earlier
/// meetings.
fn sources(
    inputs: &Inputs<'_>,
    focus: &str,
    history: &DataFrame,
    presence: &DataFrame,
    lang: Lang,
) -> Result<String> {
    let data = inputs.data;
    let mut cited = vec![focus.to_owned()];
    let ids = read::text(history, "summit_id")?;
    if let Some(at) = ids.iter().position(|i| i.as_deref() == Some(focus)) {
        for column in ["previous_summit_id", "longer_gap_from", "longer_gap_to"] {
            cited.extend(read::text(history, column)?[at].clone());
        }
    }
    let p_ids = read::text(presence, "summit_id")?;
    for column in [
        "previous_summit_with_counterpart",
        "previous_summit_on_counterpart_soil",
    ] {
        let values = read::text(presence, column)?;
        for (i, id) in p_ids.iter().enumerate() {
            if id.as_deref() == Some(focus) {
                cited.extend(values[i].clone());
            }
        }
    }
    let mut seen = Vec::new();
    cited.retain(|c| {
        let new = !seen.contains(c);
        seen.push(c.clone());
        new
    });
    let mut md = format!("\n### {}\n\n", word("sources", lang));
    for id in &cited {
        let cited_record = data.record(id)?;
        md.push_str(&format!("- {} (`{id}`):\n", summit_name(data, id, lang)?));
        for source in &cited_record.sources {
            let title = source.title.clone().unwrap_or_else(|| source.url.clone());
            md.push_str(&format!("  - [{}]({})\n", escape(&title), source.url));
        }
    }
    Ok(md)
}

/// The wars, sanctions and warrants the context sentences name, each with
/// the page that settles it (and its end, where another does).
fn context_facts(inputs: &Inputs<'_>, focus: &str, lang: Lang) -> Result<String> {
    let found = inputs
        .derived
        .found(inputs.data)?
        .clone()
        .lazy()
        .filter(col("summit_id").eq(lit(focus)))
        .select(
            [
                "table",
                "id",
                match lang {
                    Lang::En => "name",
                    Lang::Ar => "name_ar",
                    Lang::Ru => "name_ru",
                },
                "start_date",
                "end_date",
                "source_url",
                "end_source_url",
            ]
            .map(col),
        )
        .unique_stable(None, UniqueKeepStrategy::First)
        .sort(
            ["table", "start_date", "id"],
            SortMultipleOptions::default(),
        )
        .collect()?;
    if found.height() == 0 {
        return Ok(String::new());
    }
    let mut md = format!("\n### {}\n\n", word("context_facts", lang));
    let names = read::text(&found, found.get_column_names()[2].as_str())?;
    let tables = read::text(&found, "table")?;
    let rows = read::text(&found, "id")?;
    let starts = read::text(&found, "source_url")?;
    let ended = read::text(&found, "end_date")?;
    let ends = read::text(&found, "end_source_url")?;
    for i in 0..found.height() {
        let name = names[i].clone().unwrap_or_default();
        let end = match (&ends[i], &ended[i]) {
            (Some(url), Some(_)) => format!("{} [{}]({url})", comma(lang), word("its_end", lang)),
            (Some(url), None) => {
                format!("{} [{}]({url})", comma(lang), word("still_in_force", lang))
            }
            (None, _) => String::new(),
        };
        md.push_str(&format!(
            "- {} (`{}`{} `{}`): [{}]({}){end}\n",
            escape(&capitalise(&name)),
            tables[i].clone().unwrap_or_default(),
            comma(lang),
            rows[i].clone().unwrap_or_default(),
            word("source", lang),
            starts[i].clone().unwrap_or_default(),
        ));
    }
    Ok(md)
}

/// The official record's visits the sentences name: the leaders' last
/// visits to the counterpart and the visiting side's last visit.
fn official_record(
    inputs: &Inputs<'_>,
    focus: &str,
    presence: &DataFrame,
    style: Style,
) -> Result<String> {
    let data = inputs.data;
    let p_ids = read::text(presence, "summit_id")?;
    let mut visits: Vec<String> = Vec::new();
    let named = read::text(presence, "previous_visit_to_counterpart")?;
    for (i, id) in p_ids.iter().enumerate() {
        if id.as_deref() == Some(focus) {
            visits.extend(named[i].clone());
        }
    }
    visits.extend(compare::previous_visit_id(
        data,
        &inputs.derived.facts,
        focus,
    )?);
    visits.sort();
    visits.dedup();
    if visits.is_empty() {
        return Ok(String::new());
    }
    let lang = style.lang;
    let mut md = format!("\n### {}\n\n", word("official_record", lang));
    for id in &visits {
        let v = data.visit(id)?;
        let person = match &v.person_id {
            Some(p) if lang != Lang::En => crate::text::person(p, &v.person, lang),
            _ => v.person.clone(),
        };
        let days = match lang {
            Lang::En => format!("{} to {}", v.start_date, v.end_date),
            _ => style.days_span(v.start_date, v.end_date),
        };
        md.push_str(&format!(
            "- {person} (`{id}`){} {days}: [{}]({})\n",
            comma(lang),
            word("historian", lang),
            v.source_url
        ));
    }
    Ok(md)
}

/// The charts of the report's language, each with its data.
fn charts(inputs: &Inputs<'_>, lang: Lang) -> String {
    let mine: Vec<&Chart> = inputs.charts.iter().filter(|c| c.lang == lang).collect();
    if mine.is_empty() {
        return String::new();
    }
    // The Markdown shows the run's SVG where it wrote one, else its PNG;
    // the page has every chart inline.
    let ext = if inputs
        .study
        .charts
        .formats
        .contains(&crate::study::spec::ImageFormat::Svg)
    {
        "svg"
    } else {
        "png"
    };
    let mut md = format!("\n## {}\n", word("charts", lang));
    for chart in mine {
        let name = format!("{}-{}", chart.kind.name(), lang.code());
        md.push_str(&format!(
            "\n### {}\n\n![{}](charts/{name}.{ext})\n\n[{}](charts/{name}.csv)\n",
            chart::words::word(chart.kind.title_key(), lang),
            chart::words::word(chart.kind.title_key(), lang),
            word("chart_data", lang),
        ));
    }
    md
}

/// How to cite the report, and the run it came from.
fn citation(inputs: &Inputs<'_>, lang: Lang) -> Result<String> {
    let cite = Citation::of(inputs.data)?;
    let computed = word("computed", lang)
        .replace("{version}", env!("CARGO_PKG_VERSION"))
        .replace("{collection}", &inputs.study.collection)
        .replace("{hash}", inputs.inputs_sha256);
    Ok(format!(
        "\n---\n\n## {}\n\n{}\n\n> {}\n\n```bibtex\n{}```\n\n{computed}\n",
        word("cite", lang),
        word("cite_lead", lang),
        escape(&cite.text()),
        cite.bibtex(),
    ))
}

/// The focus summits against each other: one column a summit, one row a
/// metric, each cell the summit's own value as its comparison states it.
fn side_by_side(inputs: &Inputs<'_>, comparisons: &[DataFrame], style: Style) -> Result<String> {
    let lang = style.lang;
    let mut md = format!("\n## {}\n\n", word("side_by_side", lang));
    let mut header = String::from("| |");
    let mut rule = String::from("| --- |");
    for focus in &inputs.study.focus {
        let s = inputs.data.record(focus)?.summit;
        let dyad = crate::model::dyad(&s.side_a, &s.side_b);
        header.push_str(&match lang {
            Lang::En => format!(" {} ({dyad}, {}) |", s.name, s.start_date),
            _ => format!(
                " {} ({}{} {}) |",
                summit_name(inputs.data, focus, lang)?,
                dyad_words(&dyad, lang),
                comma(lang),
                style.date(s.start_date)
            ),
        });
        rule.push_str(" --- |");
    }
    md.push_str(&format!("{header}\n{rule}\n"));
    for metric in SIDE_BY_SIDE {
        let mut row = format!("| {} |", label(metric, "", lang));
        for table in comparisons {
            let metrics = read::text(table, "metric")?;
            let this = read::text(table, "this")?;
            let value = metrics
                .iter()
                .position(|m| m.as_deref() == Some(metric))
                .and_then(|i| this[i].clone())
                .unwrap_or_default();
            row.push_str(&format!(" {} |", value.replace('|', "/")));
        }
        md.push_str(&format!("{row}\n"));
    }
    md.push_str(&format!("\n{}\n", word("side_by_side_note", lang)));
    Ok(md)
}

/// The metrics the side-by-side table of a study's focus summits shows,
/// in this order: where each stands in its dyad's history, and what it
/// produced.
const SIDE_BY_SIDE: [&str; 9] = [
    "sequence",
    "gap_days",
    "joint_statement",
    "joint_press_conference",
    "agreements_signed",
    "duration_hours",
    "delegation_size",
    "economic_share",
    "venue",
];

/// The comma of `lang`: «،» in Arabic.
fn comma(lang: Lang) -> &'static str {
    if lang == Lang::Ar { "،" } else { "," }
}

/// A dyad as running text names it: «روسيا والولايات المتحدة»,
/// «Россия–США».
fn dyad_words(dyad: &str, lang: Lang) -> String {
    if lang != Lang::Ar {
        return chart::words::dyad_name(dyad, lang);
    }
    let names: Vec<&str> = dyad
        .split('-')
        .map(|code| crate::model::country(code).map_or(code, |c| c.ar))
        .collect();
    names.join(" و")
}

/// Text with the characters Markdown would read as markup escaped, for
/// titles and names taken from the data.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '`' | '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A sentence with its full stop (one, where it ends with an
/// abbreviation's).
fn full_stop(text: &str) -> String {
    if text.ends_with('.') {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
