//! Fidelity to the source: joined back together, the German units reproduce the article
//! word for word, apart from the section headings each document names and the repairs the
//! manifest lists. `check` runs this on every load; the data tests run an independent copy.

use super::Corpus;
use super::load::{Problem, ProblemKind};
use super::model::*;

/// The source with the manifest's repairs applied, and a problem for every repair whose
/// `find` does not occur exactly once.
pub fn repaired_source(source: &str, repairs: &[Repair]) -> (String, Vec<ProblemKind>) {
    let mut text = source.to_string();
    let mut problems = Vec::new();
    for repair in repairs {
        let count = text.matches(&repair.find).count();
        if count != 1 {
            problems.push(ProblemKind::RepairCount {
                find: repair.find.clone(),
                count,
            });
            continue;
        }
        text = text.replacen(&repair.find, &repair.replace, 1);
    }
    (text, problems)
}

/// The paragraphs of a document's German text: units joined by a space.
pub fn paragraphs(doc: &Document) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current = 0;
    for (i, unit) in doc.units.iter().enumerate() {
        if unit.paragraph != current || out.is_empty() {
            current = unit.paragraph;
            out.push((i + 1, unit.de.clone()));
        } else if let Some((_, text)) = out.last_mut() {
            text.push(' ');
            text.push_str(&unit.de);
        }
    }
    out
}

/// A short excerpt of `text` around character `at`.
fn excerpt(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = at.saturating_sub(30);
    let end = (at + 30).min(chars.len());
    chars[start..end].iter().collect()
}

/// Finds where `found` first differs from `expected`, and the unit of `doc` that holds it.
fn first_difference(doc: &Document, first_unit: usize, expected: &str, found: &str) -> ProblemKind {
    let at = expected
        .chars()
        .zip(found.chars())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| expected.chars().count().min(found.chars().count()));
    // Walk the paragraph's units to find the one that holds character `at`.
    let mut offset = 0;
    let mut unit = first_unit;
    for (i, u) in doc.units.iter().enumerate().skip(first_unit - 1) {
        let len = u.de.chars().count() + 1;
        unit = i + 1;
        if at < offset + len {
            break;
        }
        offset += len;
    }
    ProblemKind::Fidelity {
        unit,
        expected: excerpt(expected, at),
        found: excerpt(found, at),
    }
}

/// Every place where the German text departs from the source article.
pub fn check(corpus: &Corpus) -> Vec<Problem> {
    let manifest_file = corpus.file_of("corpus.toml");
    let (text, repair_problems) = repaired_source(&corpus.source, &corpus.manifest.repairs);
    let mut problems: Vec<Problem> = repair_problems
        .into_iter()
        .map(|kind| Problem {
            file: manifest_file.clone(),
            line: None,
            kind,
        })
        .collect();
    let lines: Vec<&str> = text.trim_end_matches('\n').split('\n').collect();
    let mut next = 0;
    for id in &corpus.manifest.documents {
        let Some(doc) = corpus.document(id) else {
            continue;
        };
        let file = corpus.file_of(id);
        for heading in &doc.source_headings {
            let found = lines.get(next).copied().unwrap_or("");
            if found != heading {
                problems.push(Problem {
                    file: file.clone(),
                    line: None,
                    kind: ProblemKind::HeadingMismatch {
                        expected: heading.clone(),
                        found: excerpt(found, 0),
                    },
                });
            }
            next += 1;
        }
        for (first_unit, paragraph) in paragraphs(doc) {
            let expected = lines.get(next).copied().unwrap_or("");
            if expected != paragraph {
                problems.push(Problem {
                    file: file.clone(),
                    line: None,
                    kind: first_difference(doc, first_unit, expected, &paragraph),
                });
            }
            next += 1;
        }
    }
    if let Some(rest) = lines.get(next..).filter(|r| !r.is_empty()) {
        problems.push(Problem {
            file: corpus.file_of("source"),
            line: Some(next + 1),
            kind: ProblemKind::SourceLeftOver {
                text: excerpt(rest[0], 0),
            },
        });
    }
    problems
}
