//! Answers built from the facts: a race's title and one-line summary, the share and margin
//! phrases, localized roles and party names. Every word comes from Fluent; this module only
//! chooses messages and passes the facts as arguments.

use crate::kb::corpus::{Corpus, Document, Gender, Party, Person, RaceFacts, Role};
use crate::l10n::{Args, Localizer};

/// Arguments that describe a person for party and role messages.
fn person_args(person: &Person) -> Args<'static> {
    let mut args = Args::new();
    args.set("party", person.party.code());
    args.set("gender", person.gender.as_str());
    args
}

/// The party noun for a person (`Republikanerin`).
pub fn party_noun(l10n: &Localizer, person: &Person) -> String {
    l10n.t_args("party-noun", &person_args(person))
}

/// A party's plural (`the Democrats`).
pub fn party_plural(l10n: &Localizer, party: Party) -> String {
    let mut args = Args::new();
    args.set("party", party.code());
    l10n.t_args("party-plural", &args)
}

/// A party's noun in the gender's form, without a person (table cells).
pub fn party_noun_for(l10n: &Localizer, party: Party, gender: Gender) -> String {
    let mut args = Args::new();
    args.set("party", party.code());
    args.set("gender", gender.as_str());
    l10n.t_args("party-noun", &args)
}

/// A person's roles in a race, localized and gendered, joined by commas.
pub fn roles(l10n: &Localizer, person: &Person, roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| {
            let mut args = person_args(person);
            args.set("role", r.as_str());
            l10n.t_args("role", &args)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The share or margin phrase (` with 58%`, ` by more than 10 percentage points`), or empty.
pub fn share_phrase(l10n: &Localizer, facts: &RaceFacts, short: bool) -> String {
    let mut args = Args::new();
    if let Some(share) = &facts.vote_share {
        args.set("qualifier", share.qualifier.as_str());
        args.set("percent", share.percent);
        l10n.t_args(if short { "share-short" } else { "share-phrase" }, &args)
    } else if let Some(margin) = &facts.margin {
        args.set("qualifier", margin.qualifier.as_str());
        args.set("points", margin.points);
        l10n.t_args(
            if short {
                "margin-short"
            } else {
                "margin-phrase"
            },
            &args,
        )
    } else {
        args.set("qualifier", "none");
        l10n.t_args(if short { "share-short" } else { "share-phrase" }, &args)
    }
}

/// The share or the lead as the value of its own fact row. The row's label already says
/// "Lead" ("Vorsprung"), so the lead is given as bare points ("more than 16 percentage
/// points"), unlike the table cell, which must say what its number is.
pub fn share_fact(l10n: &Localizer, facts: &RaceFacts) -> String {
    match (&facts.vote_share, &facts.margin) {
        (None, Some(margin)) => {
            let mut args = Args::new();
            args.set("qualifier", margin.qualifier.as_str());
            args.set("points", margin.points);
            l10n.t_args("margin-value", &args)
        }
        _ => share_phrase(l10n, facts, true),
    }
}

/// The title of a document in the output language: the state's name, marked when the race
/// was a special election; the overview's own title.
pub fn title(corpus: &Corpus, doc: &Document, l10n: &Localizer) -> String {
    let Some(facts) = &doc.facts else {
        return l10n.t("overview-title");
    };
    let mut args = Args::new();
    args.set("state", corpus.state_name(&facts.state.value, l10n.lang()));
    args.set("special", if facts.special.value { "yes" } else { "no" });
    l10n.t_args("race-title", &args)
}

/// The one-line answer: "Steve Daines (Republican) won Montana with 58%, a Republican gain
/// from the Democrats." `None` for the overview.
pub fn summary(corpus: &Corpus, doc: &Document, l10n: &Localizer) -> Option<String> {
    let facts = doc.facts.as_ref()?;
    let winner = corpus.person(&facts.winner.value)?;
    let state = corpus.state_name(&facts.state.value, l10n.lang());
    let mut where_args = Args::new();
    where_args.set("state", state);
    where_args.set("special", if facts.special.value { "yes" } else { "no" });
    let mut args = person_args(winner);
    args.set("winner", winner.name.clone());
    args.set("where", l10n.t_args("race-where", &where_args));
    args.set("share", share_phrase(l10n, facts, false));
    args.set("outcome", facts.outcome.value.as_str());
    args.set("before", facts.party_before.value.code());
    Some(l10n.t_args("race-summary", &args))
}

/// The localized outcome with the winner's party (`Republican gain`); the gender shapes the
/// German for an independent winner, who is one person, not a party.
pub fn outcome_value(l10n: &Localizer, facts: &RaceFacts, winner: &Person) -> String {
    let mut args = person_args(winner);
    args.set("outcome", facts.outcome.value.as_str());
    l10n.t_args("outcome-value", &args)
}
