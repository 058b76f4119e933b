//! Writing answers: one buffered writer on locked stdout, and making text from the corpus or
//! from the user safe to print on a terminal.

use std::io::{self, BufWriter, StdoutLock};

/// The buffered writer every command prints through.
pub type Out = BufWriter<StdoutLock<'static>>;

/// A buffered writer on locked stdout.
pub fn stdout() -> Out {
    BufWriter::new(io::stdout().lock())
}

/// Whether an I/O error means the reader went away (`senate-kb export | head -1`): the run
/// then ends quietly and successfully, as in ripgrep.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// Text made safe for a terminal: control characters (escape sequences, NUL, bidirectional
/// overrides) are shown as `\u{..}` escapes instead of being sent raw.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
        if (c.is_control() && c != '\n' && c != '\t') || bidi {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
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
