//! What text from the corpus or from a user may be shown as it is: control characters
//! (escape sequences, NUL, bidirectional overrides) never reach a terminal, a JSON reader or a
//! page raw, and what a user typed is echoed at a length worth reading.

/// Whether a character must not reach a terminal raw: a control character (C0, DEL, C1:
/// escape sequences, bells, NUL) other than newline and tab, or a bidirectional control
/// (embeddings, overrides, isolates, marks) that can make text read in another order.
pub fn is_unsafe(c: char) -> bool {
    let bidi = matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    );
    (c.is_control() && c != '\n' && c != '\t') || bidi
}

/// Text made safe for a terminal: control characters (escape sequences, NUL, bidirectional
/// overrides) are shown as `\u{..}` escapes instead of being sent raw.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// Cuts what the user typed to a length worth echoing (80 characters and an ellipsis).
pub fn shorten(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(MAX).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(sanitize("Rücktritt 48,2 %"), "Rücktritt 48,2 %");
    }
}
