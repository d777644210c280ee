//! Fuzz target: see `summitry_fuzz::study_spec`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| summitry_fuzz::study_spec(data));
