//! Aligned text tables: cells padded to the widest cell of their column, measured in
//! characters as a terminal shows them (colour codes are added after padding).

use unicode_width::UnicodeWidthStr;

/// Pads `text` with spaces to `width` display columns.
pub fn pad(text: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// The display width of the widest cell of each column.
pub fn widths(rows: &[Vec<String>]) -> Vec<usize> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| UnicodeWidthStr::width(s.as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Lays rows out as lines, columns separated by two spaces, trailing spaces trimmed.
/// `style` may wrap each padded cell (row index, column index, padded text).
pub fn layout(rows: &[Vec<String>], style: impl Fn(usize, usize, &str) -> String) -> Vec<String> {
    let widths = widths(rows);
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            let last = row.len().saturating_sub(1);
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let padded = if c == last {
                        cell.clone()
                    } else {
                        pad(cell, widths[c])
                    };
                    let (text, spaces) = split_trailing(&padded);
                    format!("{}{spaces}", style(r, c, text))
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}

fn split_trailing(text: &str) -> (&str, &str) {
    let trimmed = text.trim_end_matches(' ');
    (trimmed, &text[trimmed.len()..])
}
