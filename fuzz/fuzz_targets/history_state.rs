//! Fuzz target: see `summitry_fuzz::history_state`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| summitry_fuzz::history_state(data));
