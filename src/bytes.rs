//! Short byte strings, a machine word at a time.
//!
//! Ids, codes and most CSV cells are a few bytes long, where a call to
//! `memcmp` or `memcpy` costs more than the work it does. The loader, the
//! writer and the analyses compare, copy and search such strings with
//! these instead: two overlapping fixed-size words cover any length from
//! 4 to 16 bytes.

/// Whether two byte strings are equal; 4 to 16 bytes are compared as two
/// overlapping words, longer and shorter ones as slices.
#[inline(always)]
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        4..8 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        _ => a == b,
    }
}

/// Copies `bytes` (at most 16, and no more than `out` holds) to the start
/// of `out`; 4 to 16 bytes as two overlapping words. Past them, `out` is
/// left as it was or holds copies of their bytes.
#[inline(always)]
pub(crate) fn copy_short(out: &mut [u8], bytes: &[u8]) {
    let n = bytes.len();
    debug_assert!(n <= 16 && n <= out.len());
    if n >= 8 {
        out[..8].copy_from_slice(&bytes[..8]);
        out[n - 8..n].copy_from_slice(&bytes[n - 8..]);
    } else if n >= 4 {
        out[..4].copy_from_slice(&bytes[..4]);
        out[n - 4..n].copy_from_slice(&bytes[n - 4..]);
    } else {
        out[..n].copy_from_slice(bytes);
    }
}

/// The high bit of each byte of `word` that equals `c`, and no other bit,
/// exactly: no carry crosses bytes, as each byte's low seven bits plus
/// 0x7F fit in it.
#[inline(always)]
pub(crate) fn bytes_equal(word: u64, c: u8) -> u64 {
    const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = word ^ (0x0101_0101_0101_0101 * u64::from(c));
    !(((x & LOWS) + LOWS) | x | LOWS)
}

/// Eight bytes of `s` from `at`, as a little-endian word.
#[inline(always)]
pub(crate) fn word8(s: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(s[at..at + 8].try_into().unwrap_or_default())
}

#[inline(always)]
fn word4(s: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(s[at..at + 4].try_into().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of every length to 19, and each with one byte changed.
    fn texts() -> Vec<Vec<u8>> {
        (0..20)
            .flat_map(|n| {
                let base: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
                let changed = (0..n).map({
                    let base = base.clone();
                    move |at| {
                        let mut b = base.clone();
                        b[at] = b'Z';
                        b
                    }
                });
                std::iter::once(base).chain(changed)
            })
            .collect()
    }

    #[test]
    fn same_agrees_with_equality_at_every_length_and_position() {
        let texts = texts();
        for a in &texts {
            for b in &texts {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn short_copies_are_whole_and_stay_in_their_place() {
        for text in texts().iter().filter(|t| t.len() <= 16) {
            let mut out = [b'.'; 20];
            copy_short(&mut out[2..], text);
            assert_eq!(&out[2..2 + text.len()], &text[..]);
            assert_eq!(&out[..2], b"..");
            assert!(
                out[2 + text.len()..18]
                    .iter()
                    .all(|b| *b == b'.' || text.contains(b))
            );
            assert_eq!(&out[18..], b"..");
        }
    }

    #[test]
    fn bytes_equal_marks_exactly_the_bytes_equal() {
        for c in [b',', b'\n', b'"', b'\r', 0, 0x7F, 0x80, 0xFF] {
            for b in 0..=255u8 {
                for at in 0..8 {
                    // b at one place, its neighbours c ± 1 and c elsewhere.
                    let mut bytes = [c.wrapping_add(1); 8];
                    bytes[(at + 3) % 8] = c;
                    bytes[(at + 5) % 8] = c.wrapping_sub(1);
                    bytes[at] = b;
                    let expected = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, x)| **x == c)
                        .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
                    assert_eq!(
                        bytes_equal(u64::from_le_bytes(bytes), c),
                        expected,
                        "{bytes:?} {c}"
                    );
                }
            }
        }
    }
}
