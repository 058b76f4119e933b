//! Facets: how many races each winner's party, outcome and special elections have among
//! those a page shows, as links that filter them with the races' own [`Filter`] (the
//! command line's `races --party --outcome --special`). The search page and the races'
//! table show the same groups.

use crate::kb::corpus::{Corpus, Outcome, Party};
use crate::l10n::{Args, Lang, Localizer};
use crate::views::race::Filter;

use super::chrome::href;

/// One facet link.
pub struct Facet {
    /// The page with it chosen, or without it when it is chosen.
    pub href: String,
    /// What it says.
    pub label: String,
    /// How many of the races shown have it.
    pub count: usize,
    /// Whether it is chosen.
    pub chosen: bool,
}

/// One group of facets.
pub struct FacetGroup {
    /// Its name.
    pub label: String,
    /// Its links.
    pub facets: Vec<Facet>,
}

/// The facets as parameters: `party=R`, `outcome=gain`, `special=true`.
pub fn filter_params(filter: &Filter) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    if let Some(p) = filter.party {
        params.push(("party", p.code().to_string()));
    }
    if let Some(o) = filter.outcome {
        params.push(("outcome", o.as_str().to_string()));
    }
    if filter.special {
        params.push(("special", "true".to_string()));
    }
    params
}

/// The facet groups over the documents `ids` (races; the overview has no facets): each
/// count is of the races that pass the other groups' choices, so that a count says what
/// choosing it shows; a chosen facet links to the page without it. `link` makes the address
/// of the page with a filter. The search page and the races' table share them.
pub fn facets(
    corpus: &Corpus,
    ids: &[&str],
    chosen: Filter,
    link: &dyn Fn(Filter) -> String,
    l10n: &Localizer,
) -> Vec<FacetGroup> {
    let count = |filter: Filter| {
        ids.iter()
            .filter(|id| {
                corpus
                    .document(id)
                    .is_some_and(|d| filter.accepts(corpus, d))
            })
            .count()
    };
    let facet = |label: String, with: Filter, without: Filter, is_chosen: bool| Facet {
        href: link(if is_chosen { without } else { with }),
        label,
        count: count(with),
        chosen: is_chosen,
    };
    let keep = |facets: Vec<Facet>| -> Vec<Facet> {
        facets
            .into_iter()
            .filter(|f| f.count > 0 || f.chosen)
            .collect()
    };
    let parties = Party::ALL
        .into_iter()
        .map(|party| {
            let mut args = Args::new();
            args.set("party", party.code());
            facet(
                l10n.t_args("facet-party", &args),
                Filter {
                    party: Some(party),
                    ..chosen
                },
                Filter {
                    party: None,
                    ..chosen
                },
                chosen.party == Some(party),
            )
        })
        .collect();
    let outcomes = [Outcome::Gain, Outcome::Hold]
        .into_iter()
        .map(|outcome| {
            let mut args = Args::new();
            args.set("outcome", outcome.as_str());
            facet(
                l10n.t_args("facet-outcome", &args),
                Filter {
                    outcome: Some(outcome),
                    ..chosen
                },
                Filter {
                    outcome: None,
                    ..chosen
                },
                chosen.outcome == Some(outcome),
            )
        })
        .collect();
    let special = vec![facet(
        l10n.t("facet-special"),
        Filter {
            special: true,
            ..chosen
        },
        Filter {
            special: false,
            ..chosen
        },
        chosen.special,
    )];
    [
        ("facet-heading-party", keep(parties)),
        ("facet-heading-outcome", keep(outcomes)),
        ("facet-heading-special", keep(special)),
    ]
    .into_iter()
    .filter(|(_, facets)| !facets.is_empty())
    .map(|(id, facets)| FacetGroup {
        label: l10n.t(id),
        facets,
    })
    .collect()
}

/// The address of `path` with the facets of `filter` and `extra` parameters before them.
pub fn filtered_href(path: &str, extra: &[(&str, &str)], filter: Filter, lang: Lang) -> String {
    let filters = filter_params(&filter);
    let mut params: Vec<(&str, &str)> = extra.to_vec();
    params.extend(filters.iter().map(|(k, v)| (*k, v.as_str())));
    href(path, &params, lang)
}
