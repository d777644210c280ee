//! Rebuild when the curated data changes (`include_dir!` embeds
//! `datasets/`, and cargo cannot see into a macro's inputs), and turn every
//! notebook into a test that runs its code cells in order against the
//! crate, so that a notebook cannot rot unnoticed.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=datasets");
    println!("cargo:rerun-if-changed=notebooks");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::new();
    let mut names: Vec<_> = std::fs::read_dir("notebooks")
        .map(|dir| dir.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == "ipynb"));
    names.sort();
    for path in names {
        code.push_str(&notebook_test(&path));
    }
    std::fs::write(Path::new(&out).join("notebooks.rs"), code).expect("OUT_DIR is writable");
}

/// One `#[test]` running a notebook's code cells, in order, in one scope
/// (as the kernel keeps variables from cell to cell). Lines starting with
/// `:` are evcxr commands (`:dep`), which the crate's own dependencies
/// stand for here.
fn notebook_test(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("notebooks are readable");
    let notebook: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().replace('-', "_"))
        .unwrap_or_default();
    let mut body = String::new();
    let cells = notebook["cells"].as_array().cloned().unwrap_or_default();
    for (i, cell) in cells.iter().enumerate() {
        if cell["cell_type"] != "code" {
            continue;
        }
        let source: String = match &cell["source"] {
            serde_json::Value::Array(lines) => lines.iter().filter_map(|l| l.as_str()).collect(),
            serde_json::Value::String(s) => s.clone(),
            _ => String::new(),
        };
        let _ = writeln!(body, "        // {}, cell {}", path.display(), i + 1);
        for line in source.lines().filter(|l| !l.trim_start().starts_with(':')) {
            let _ = writeln!(body, "        {line}");
        }
    }
    format!(
        "#[test]\nfn notebook_{stem}() {{\n    #[allow(clippy::all, unused)]\n    fn cells() -> Result<(), Box<dyn std::error::Error>> {{\n{body}        Ok(())\n    }}\n    if let Err(e) = cells() {{\n        panic!(\"{}: a cell failed: {{e}}\");\n    }}\n}}\n\n",
        path.display()
    )
}
