//! Highlights as the pages show them: a text cut into [`Piece`]s at the `[start, end)`
//! character offsets the views give ([`crate::views::search`]'s `highlights`), each piece
//! marked or not. The templates print every piece escaped, the marked ones inside `<mark>`:
//! markup is never inserted into the text, so whatever the text holds stays text.

/// A run of text, marked (a match) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text, as it is (the template escapes it).
    pub text: String,
    /// Whether it is a match.
    pub mark: bool,
}

/// `text` cut at character offsets: the ranges are marked, the rest not. Ranges are taken
/// in order; one that overlaps what is already marked, runs past the end or is empty is cut
/// to what is left of it, so that no character is shown twice or lost.
pub fn by_chars(text: &str, ranges: &[(usize, usize)]) -> Vec<Piece> {
    // Byte offset of every character boundary, the end included.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bounds.len() - 1;
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end) in sorted {
        let start = start.clamp(at, chars);
        let end = end.min(chars);
        if end <= start {
            continue;
        }
        push(&mut pieces, &text[bounds[at]..bounds[start]], false);
        push(&mut pieces, &text[bounds[start]..bounds[end]], true);
        at = end;
    }
    push(&mut pieces, &text[bounds[at]..], false);
    pieces
}

/// `text` cut at byte offsets (as [`crate::kb::mentions::Mentions::spans`] gives them);
/// offsets inside a character are moved back to its start.
pub fn by_bytes(text: &str, ranges: &[(usize, usize)]) -> Vec<Piece> {
    let to_char = |b: usize| {
        let mut b = b.min(text.len());
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        text[..b].chars().count()
    };
    let chars: Vec<(usize, usize)> = ranges
        .iter()
        .map(|&(a, b)| (to_char(a), to_char(b)))
        .collect();
    by_chars(text, &chars)
}

/// The whole text, unmarked.
pub fn plain(text: &str) -> Vec<Piece> {
    by_chars(text, &[])
}

fn push(pieces: &mut Vec<Piece>, text: &str, mark: bool) {
    if !text.is_empty() {
        pieces.push(Piece {
            text: text.to_string(),
            mark,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| {
                if p.mark {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn ranges_are_characters_not_bytes() {
        let text = "Wegen des Plagiatsvorwurfs zog Walsh zurück; Überraschung";
        // "Plagiatsvorwurfs" is characters 10..26; "Überraschung" starts after an umlaut.
        let start = text.chars().position(|c| c == 'Ü').unwrap();
        let pieces = by_chars(text, &[(10, 26), (start, start + 12)]);
        assert_eq!(
            shown(&pieces),
            "Wegen des [Plagiatsvorwurfs] zog Walsh zurück; [Überraschung]"
        );
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn overlapping_unsorted_and_outside_ranges_lose_nothing() {
        let text = "abcdef";
        assert_eq!(shown(&by_chars(text, &[(3, 5), (1, 4)])), "a[bcd][e]f");
        assert_eq!(shown(&by_chars(text, &[(4, 99)])), "abcd[ef]");
        assert_eq!(shown(&by_chars(text, &[(2, 2), (9, 12)])), "abcdef");
        assert_eq!(shown(&by_chars("", &[(0, 3)])), "");
    }

    #[test]
    fn markup_in_the_text_stays_text() {
        let text = "x<b>y</b>&amp;";
        let pieces = by_chars(text, &[(1, 4)]);
        assert_eq!(pieces[1].text, "<b>");
        assert!(pieces[1].mark);
        let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn byte_offsets_become_characters() {
        let text = "Ärger über Udall";
        let start = text.find("Udall").unwrap();
        assert_eq!(
            shown(&by_bytes(text, &[(start, start + 5)])),
            "Ärger über [Udall]"
        );
        // An offset inside "Ä" (2 bytes) is moved to its start.
        assert_eq!(shown(&by_bytes(text, &[(1, 2)])), "[Ä]rger über Udall");
        assert_eq!(shown(&by_bytes(text, &[(1, 3)])), "[Är]ger über Udall");
        assert_eq!(shown(&by_bytes(text, &[(0, 1)])), text);
    }
}
