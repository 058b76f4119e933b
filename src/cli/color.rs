//! Colour for terminal output: decided once (`--color`, `NO_COLOR`, whether stdout is a
//! terminal), applied through a [`Painter`] that is a no-op when colour is off.

use anstyle::{AnsiColor, Style};

use crate::kb::corpus::Party;

/// Paints text with ANSI styles, or leaves it alone.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    enabled: bool,
}

impl Painter {
    /// A painter that colours when `enabled`.
    pub fn new(enabled: bool) -> Painter {
        Painter { enabled }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.enabled && !text.is_empty() {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }

    /// Titles and headings.
    pub fn heading(&self, text: &str) -> String {
        self.paint(Style::new().bold(), text)
    }

    /// Labels and other quiet text.
    pub fn dim(&self, text: &str) -> String {
        self.paint(Style::new().dimmed(), text)
    }

    /// Text in a party's colour.
    pub fn party(&self, party: Party, text: &str) -> String {
        let color = match party {
            Party::D => AnsiColor::Blue,
            Party::R => AnsiColor::Red,
            Party::I => AnsiColor::Magenta,
            Party::L => AnsiColor::Yellow,
        };
        self.paint(Style::new().fg_color(Some(color.into())), text)
    }

    /// Matched words in search results.
    pub fn highlight(&self, text: &str) -> String {
        self.paint(
            Style::new().bold().fg_color(Some(AnsiColor::Green.into())),
            text,
        )
    }
}

/// The width the text renderer wraps to: `COLUMNS`, else the terminal's width when stdout
/// is one, else 100.
pub fn width() -> usize {
    if let Some(cols) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
    {
        return cols.clamp(40, 400);
    }
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0).clamp(40, 400))
        .unwrap_or(100)
}
