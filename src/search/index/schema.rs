//! The index schema: one tantivy document per race (and one for the overview).
//!
//! A race is what a search returns, and "every word must match" holds for the race as a
//! whole (`Daines Plagiat` finds Montana although the two words stand in different
//! sentences). The race's sentence units are stored in order, so the best sentence can be
//! picked and highlighted without going back to the corpus ([`units`] reads them back). Each
//! text field holds a language's units as one value, with positions that tell the unit and
//! the word (see `analysis::UNIT_STRIDE`).

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};

use tantivy::schema::document::{
    DeserializeError, DocumentDeserialize, DocumentDeserializer, ValueDeserialize,
    ValueDeserializer, ValueVisitor,
};

use crate::l10n::Lang;
use crate::search::analysis;

/// The fields, by role.
#[derive(Debug, Clone)]
pub struct Fields {
    /// Document id (`mt`, `ok-special`, `overview`).
    pub id: Field,
    /// `race` or `overview`.
    pub kind: Field,
    /// Position in the article, for stable ordering.
    pub order: Field,
    /// Lower-case postal code.
    pub state: Field,
    /// The winner's party code, lower case.
    pub party: Field,
    /// `gain` or `hold`.
    pub outcome: Field,
    /// `special` or `regular`.
    pub special: Field,
    /// Ids of every person linked to the document.
    pub person: Field,
    /// Ids of the people the race is about: its candidates, winner and incumbent (appointed
    /// or retiring), whose name in a query ranks it above races that only mention them.
    pub lead: Field,
    /// The concepts the race's facts say (`close`, `open_seat`, `gain`: see
    /// `kb::knowledge::concepts`), for the words only the facts decide.
    pub concept: Field,
    /// German text, exact words.
    pub de_exact: Field,
    /// German text, stemmed.
    pub de_stem: Field,
    /// German text, compound parts.
    pub de_parts: Field,
    /// English text, exact words.
    pub en_exact: Field,
    /// English text, stemmed.
    pub en_stem: Field,
    /// What the race's facts say, in German words (`kb::knowledge::units`), exact words only:
    /// a word matches the facts as the vocabulary spells it, never by a stem or a compound
    /// part (`Sieg` is not `Sieger`, `Wahl` not `Wahlsieger`).
    pub de_kb: Field,
    /// The same in English words.
    pub en_kb: Field,
    /// The German units, stored in order as one text (see [`Fields::unit_ends`]).
    pub de_units: Field,
    /// The English units, stored in order as one text.
    pub en_units: Field,
    /// Where each unit ends in [`Fields::de_units`] and [`Fields::en_units`]: per unit, the
    /// two byte offsets as little-endian `u64`s. One text per language instead of a value per
    /// unit: a hit's document is read in a few allocations instead of a hundred.
    pub unit_ends: Field,
    /// Title and one-line summary in German, stored.
    pub title_de: Field,
    /// Title in English.
    pub title_en: Field,
    /// One-line outcome in German.
    pub summary_de: Field,
    /// One-line outcome in English.
    pub summary_en: Field,
}

/// Builds the schema and its fields.
pub fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |name: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        order: b.add_u64_field("order", NumericOptions::default().set_stored().set_fast()),
        state: b.add_text_field("state", STRING),
        party: b.add_text_field("party", STRING),
        outcome: b.add_text_field("outcome", STRING),
        special: b.add_text_field("special", STRING),
        person: b.add_text_field("person", STRING),
        lead: b.add_text_field("lead", STRING),
        concept: b.add_text_field("concept", STRING),
        de_exact: b.add_text_field("de_exact", text(analysis::DE_EXACT)),
        de_stem: b.add_text_field("de_stem", text(analysis::DE_STEM)),
        de_parts: b.add_text_field("de_parts", text(analysis::DE_PARTS)),
        en_exact: b.add_text_field("en_exact", text(analysis::EN_EXACT)),
        en_stem: b.add_text_field("en_stem", text(analysis::EN_STEM)),
        de_kb: b.add_text_field("de_kb", text(analysis::DE_EXACT)),
        en_kb: b.add_text_field("en_kb", text(analysis::EN_EXACT)),
        de_units: b.add_text_field("de_units", STORED),
        en_units: b.add_text_field("en_units", STORED),
        unit_ends: b.add_bytes_field("unit_ends", STORED),
        title_de: b.add_text_field("title_de", STORED),
        title_en: b.add_text_field("title_en", STORED),
        summary_de: b.add_text_field("summary_de", STORED),
        summary_en: b.add_text_field("summary_en", STORED),
    };
    (b.build(), fields)
}

impl Fields {
    /// Looks the fields up in an opened index's schema.
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            kind: f("kind")?,
            order: f("order")?,
            state: f("state")?,
            party: f("party")?,
            outcome: f("outcome")?,
            special: f("special")?,
            person: f("person")?,
            lead: f("lead")?,
            concept: f("concept")?,
            de_exact: f("de_exact")?,
            de_stem: f("de_stem")?,
            de_parts: f("de_parts")?,
            en_exact: f("en_exact")?,
            en_stem: f("en_stem")?,
            de_kb: f("de_kb")?,
            en_kb: f("en_kb")?,
            de_units: f("de_units")?,
            en_units: f("en_units")?,
            unit_ends: f("unit_ends")?,
            title_de: f("title_de")?,
            title_en: f("title_en")?,
            summary_de: f("summary_de")?,
            summary_en: f("summary_en")?,
        })
    }

    /// The exact-word field of a language.
    pub fn exact(&self, lang: Lang) -> Field {
        match lang {
            Lang::De => self.de_exact,
            Lang::En => self.en_exact,
        }
    }

    /// The stemmed field of a language.
    pub fn stem(&self, lang: Lang) -> Field {
        match lang {
            Lang::De => self.de_stem,
            Lang::En => self.en_stem,
        }
    }

    /// The field of what the facts say, in a language's words.
    pub fn kb(&self, lang: Lang) -> Field {
        match lang {
            Lang::De => self.de_kb,
            Lang::En => self.en_kb,
        }
    }
}

/// A stored document as a hit reads it: each value moved out as tantivy decodes it. A
/// `TantivyDocument` copies every value into a buffer of its own, which a hit then copied
/// out again. Only the kinds of values the schema stores are accepted.
#[derive(Debug, Default)]
pub struct StoredDoc(Vec<(Field, Stored)>);

/// A stored value.
#[derive(Debug)]
pub enum Stored {
    /// Text.
    Str(String),
    /// A number.
    U64(u64),
    /// Bytes.
    Bytes(Vec<u8>),
}

impl StoredDoc {
    /// The first value of `field` that `pick` takes.
    fn first<'a, T>(&'a self, field: Field, pick: impl Fn(&'a Stored) -> Option<T>) -> Option<T> {
        self.0
            .iter()
            .filter(|(f, _)| *f == field)
            .find_map(|(_, value)| pick(value))
    }

    /// Takes the first text of `field` (empty when there is none).
    pub fn take_str(&mut self, field: Field) -> String {
        self.0
            .iter_mut()
            .find_map(|(f, value)| match value {
                Stored::Str(text) if *f == field => Some(std::mem::take(text)),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// The first text of `field` (empty when there is none).
    pub fn str(&self, field: Field) -> &str {
        self.first(field, Stored::text).unwrap_or_default()
    }

    /// The first number of `field`.
    pub fn u64(&self, field: Field) -> Option<u64> {
        self.first(field, Stored::number)
    }

    /// The first bytes of `field` (empty when there are none).
    pub fn bytes(&self, field: Field) -> &[u8] {
        self.first(field, Stored::bytes).unwrap_or_default()
    }
}

impl Stored {
    fn text(&self) -> Option<&str> {
        match self {
            Stored::Str(text) => Some(text),
            _ => None,
        }
    }

    fn number(&self) -> Option<u64> {
        match self {
            Stored::U64(n) => Some(*n),
            _ => None,
        }
    }

    fn bytes(&self) -> Option<&[u8]> {
        match self {
            Stored::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }
}

impl DocumentDeserialize for StoredDoc {
    fn deserialize<'de, D>(mut deserializer: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        let mut values = Vec::with_capacity(deserializer.size_hint());
        while let Some(field_value) = deserializer.next_field::<Stored>()? {
            values.push(field_value);
        }
        Ok(StoredDoc(values))
    }
}

impl ValueDeserialize for Stored {
    fn deserialize<'de, D>(deserializer: D) -> Result<Self, DeserializeError>
    where
        D: ValueDeserializer<'de>,
    {
        struct Visitor;
        impl ValueVisitor for Visitor {
            type Value = Stored;
            fn visit_string(&self, text: String) -> Result<Stored, DeserializeError> {
                Ok(Stored::Str(text))
            }
            fn visit_u64(&self, n: u64) -> Result<Stored, DeserializeError> {
                Ok(Stored::U64(n))
            }
            fn visit_bytes(&self, bytes: Vec<u8>) -> Result<Stored, DeserializeError> {
                Ok(Stored::Bytes(bytes))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Appends a unit to the stored texts of a document and notes where it ends (the inverse of
/// [`units`]).
pub fn push_unit(texts: &mut [String; 2], ends: &mut Vec<u8>, unit: [&str; 2]) {
    for (text, part) in texts.iter_mut().zip(unit) {
        text.push_str(part);
        ends.extend_from_slice(&(text.len() as u64).to_le_bytes());
    }
}

/// The units of a stored document, per language, as [`push_unit`] stored them. Offsets that
/// do not fall on a unit of the text (a damaged store) give empty units, not a panic.
pub fn units<'a>(de: &'a str, en: &'a str, ends: &[u8]) -> [Vec<&'a str>; 2] {
    let mut out: [Vec<&str>; 2] = Default::default();
    let mut from = [0usize; 2];
    for pair in ends.chunks_exact(16) {
        for (i, text) in [de, en].into_iter().enumerate() {
            let bytes: [u8; 8] = pair[i * 8..i * 8 + 8].try_into().unwrap_or_default();
            let to = usize::try_from(u64::from_le_bytes(bytes)).unwrap_or(usize::MAX);
            out[i].push(text.get(from[i]..to).unwrap_or_default());
            from[i] = to.max(from[i]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_come_back_as_stored() {
        let stored = [
            ["Ä erst.", "First."],
            ["", "Empty in German."],
            ["Zwei – ß.", ""],
        ];
        let mut texts: [String; 2] = Default::default();
        let mut ends = Vec::new();
        for unit in stored {
            push_unit(&mut texts, &mut ends, unit);
        }
        let [de, en] = units(&texts[0], &texts[1], &ends);
        assert_eq!(de, stored.map(|u| u[0]));
        assert_eq!(en, stored.map(|u| u[1]));
    }

    #[test]
    fn damaged_ends_give_empty_units() {
        // Inside `Ä` (two bytes), past the end, and going backwards.
        let mut ends = Vec::new();
        for (de, en) in [(1u64, 3u64), (99, 1), (0, 2)] {
            ends.extend(de.to_le_bytes());
            ends.extend(en.to_le_bytes());
        }
        let [de, en] = units("Äb", "abc", &ends);
        assert_eq!(de, ["", "", ""]);
        assert_eq!(en, ["abc", "", ""]);
    }
}
