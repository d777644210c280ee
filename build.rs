//! Rebuild when the curated data changes: `include_dir!` embeds
//! `datasets/`, but cargo cannot see into a macro's inputs on its own.

fn main() {
    println!("cargo:rerun-if-changed=datasets");
}
