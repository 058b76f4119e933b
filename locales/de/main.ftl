# senate-kb: deutsche Meldungen. Jede Meldung muss es auch in locales/en-US/main.ftl geben.

## Fehler

error-prefix = senate-kb: Fehler:
error-unknown-language = die Sprache „{ $requested }“ ist nicht verfügbar; verfügbare Sprachen: { $available }
error-corpus-invalid = { $count ->
    [one] das Korpus hat 1 Problem; nichts wurde verändert
   *[other] das Korpus hat { $count } Probleme; nichts wurde verändert
}
error-output = die Ausgabe kann nicht geschrieben werden: { $error }

## check

check-ok = Das Korpus ist in Ordnung: { $documents } Dokumente ({ $races } Rennen und die Übersicht), { $units } Satzeinheiten auf Deutsch und Englisch, { $people } Personen. Der deutsche Text gibt den Quellartikel wieder.

## Titel

overview-title = Übersicht: die Senatswahlen 2014
race-title = { $special ->
    [yes] { $state } (Sonderwahl)
   *[no] { $state }
}

## Probleme im Korpus: jeweils nach „Datei:Zeile: “

problem-unreadable = kann nicht gelesen werden: { $error }
problem-syntax = ist ungültig: { $detail }
problem-format-version = format_version ist { $found }, dieses Programm liest aber Version { $expected }
problem-duplicate-document = das Dokument „{ $id }“ ist zweimal aufgeführt; jedes Dokument nur einmal aufführen
problem-document-not-listed = die Renndatei „{ $id }“ fehlt in corpus.toml; unter `documents` eintragen oder die Datei entfernen
problem-id-mismatch = die Kennung „{ $id }“ passt nicht zu dieser Datei ({ $expected }); Datei umbenennen oder Kennung korrigieren
problem-overview-not-first = `documents` muss mit "overview" beginnen
problem-no-units = das Dokument hat keine Satzeinheiten; den Text als [[units]] ergänzen
problem-paragraph-order = Einheit { $unit }: Absatznummern beginnen bei 1 und steigen um höchstens eins
problem-missing-text = Einheit { $unit } hat keinen { $lang ->
    [de] deutschen
   *[en] englischen
} Text; bitte ergänzen
problem-unknown-person = unbekannte Person „{ $id }“; in people.toml ergänzen oder die Kennung korrigieren
problem-duplicate-person = die Personenkennung „{ $id }“ ist zweimal definiert; eine behalten
problem-bad-person-id = die Personenkennung „{ $id }“ muss aus kleingeschriebenen, mit Bindestrich verbundenen Wörtern bestehen (tom-udall)
problem-person-unused = „{ $id }“ wird in keinem Dokument genannt; im Rennen verknüpfen, das die Person nennt, oder entfernen
problem-duplicate-participant = „{ $id }“ steht zweimal in diesem Dokument; die Rollen zusammenführen
problem-no-roles = „{ $id }“ hat keine Rolle; mindestens eine angeben (siehe corpus/README.md)
problem-unknown-state = unbekannter Bundesstaat „{ $code }“; in states.toml ergänzen oder das Kürzel korrigieren
problem-duplicate-state = der Bundesstaat „{ $code }“ ist zweimal definiert
problem-concept-missing = das Konzept „{ $concept }“ fehlt in vocabulary.toml; jedes Konzept der Fakten braucht seine Wörter
problem-concept-duplicate = das Konzept „{ $concept }“ steht zweimal in vocabulary.toml
problem-concept-incomplete = dem Konzept „{ $concept }“ fehlt { $part ->
    [de] die deutschen Wörter (oder eines ist leer, oder der Platzhalter des Anteils steht, wo er nicht hingehört)
    [en] die englischen Wörter (oder eines ist leer, oder der Platzhalter des Anteils steht, wo er nicht hingehört)
   *[reason] die Begründung (reason)
}
problem-race-id-mismatch = die Rennkennung „{ $id }“ folgt nicht aus Bundesstaat und Sonderwahl-Angabe; erwartet wird „{ $expected }“
problem-winner-role = der Sieger „{ $id }“ muss die einzige Person des Rennens mit der Rolle "winner" sein
problem-outcome-inconsistent = der Ausgang „{ $outcome }“ widerspricht den Fakten: der Sitz gehörte { $before }, der Sieger ist { $winner }
problem-bad-provenance = die Angabe „{ $fact }“ braucht genau eine Quelle: eine Einheit (`unit`) des Artikels oder eine Notiz (`external`)
problem-unit-out-of-range = die Angabe „{ $fact }“ nennt Einheit { $unit } von „{ $doc }“, die es nicht gibt
problem-unknown-doc = die Angabe „{ $fact }“ nennt das Dokument „{ $doc }“, das es nicht gibt
problem-number-missing = Einheit { $unit }: die Zahl { $number } des deutschen Textes fehlt im englischen
problem-name-missing = Einheit { $unit }: der Name „{ $name }“ des deutschen Textes fehlt im englischen
problem-german-in-english = Einheit { $unit }: der englische Text enthält das deutsche Wort „{ $word }“
problem-fact-not-in-unit = laut der Angabe „{ $fact }“ nennt Einheit { $unit } die Zahl { $number }, sie tut es aber nicht
problem-share-disagrees = die Angabe „{ $fact }“ ({ $qualifier } { $stated }) widerspricht dem amtlichen Ergebnis ({ $official }); korrigieren oder eine Notiz `discrepancy` ergänzen
problem-stale-discrepancy = die Angabe „{ $fact }“ vermerkt eine Abweichung, der Artikel stimmt aber mit dem amtlichen Ergebnis überein; die Notiz entfernen
problem-margin-without-official = ein Vorsprung braucht den amtlichen Vorsprung in [facts.official] zum Abgleich
problem-election-count = die Übersicht nennt { $what } = { $stated }, die Rennfakten ergeben aber { $computed }
problem-facts-placement = { $kind ->
    [overview] die Übersicht erhält Angaben unter [election], keine Rennangaben unter [facts]
   *[race] ein Rennen braucht Angaben unter [facts] und keine unter [election]
}
problem-repair-count = die Reparatur „{ $find }“ muss genau einmal in der Quelle vorkommen, kommt aber { $count }-mal vor
problem-fidelity = Einheit { $unit }: der deutsche Text weicht vom Quellartikel ab: die Quelle hat „{ $expected }“, das Korpus „{ $found }“
problem-heading-mismatch = der Quellartikel hat „{ $found }“, wo dieses Dokument seine Überschrift „{ $expected }“ erwartet
problem-source-left-over = der Quellartikel enthält weiteren Text, den kein Dokument wiedergibt: „{ $text }“

## Befehlszeile: Hilfe

cli-about = senate-kb: die US-Senatswahlen 2014, auf Deutsch und Englisch
cli-usage-heading = Aufruf:
cli-commands-heading = Befehle:
cli-options-heading = Optionen:
cli-arguments-heading = Argumente:
cli-help = Hilfe anzeigen
cli-version = Version anzeigen
cli-opt-lang = Ausgabesprache: ein BCP-47-Tag oder eine POSIX-Locale (de, en, de-AT, de_DE.UTF-8) [Vorgabe: aus SENATE_KB_LANG, LC_ALL, LC_MESSAGES, LANG, sonst Englisch]
cli-opt-json = Ein JSON-Dokument auf stdout ausgeben (NDJSON bei export) statt Text
cli-opt-color = Wann Farbe verwendet wird: auto, always, never [Vorgabe: auto; NO_COLOR schaltet auto ab]
cli-opt-corpus = Dieses Korpusverzeichnis statt des mitgelieferten Korpus verwenden
cli-value-tag = SPRACHE
cli-value-when = WANN
cli-value-dir = VERZEICHNIS
cli-value-race = RENNEN
cli-value-outcome = AUSGANG
cli-value-party = PARTEI
cli-usage-root = senate-kb [OPTIONEN] <BEFEHL>
cli-usage-check = senate-kb check [OPTIONEN]
cli-usage-export = senate-kb export [OPTIONEN]
cli-usage-race = senate-kb race [OPTIONEN] <RENNEN>...
cli-usage-races = senate-kb races [OPTIONEN]
cli-usage-stats = senate-kb stats [OPTIONEN]
cli-cmd-check = Das Korpus prüfen; jedes Problem mit Datei und Abhilfe nennen
cli-cmd-export = Alle Dokumente, beide Sprachen und alle Fakten als NDJSON: ein JSON-Objekt pro Zeile
cli-cmd-race = Ein Rennen: Fakten, Personen und der ganze Text
cli-cmd-races = Die Rennen als Tabelle
cli-cmd-stats = Die Wahl im Überblick: Rennen, Sonderwahlen, Sitze vorher und nachher, Gewinne
cli-arg-race = Eine Rennkennung (mt, ok-special) oder ein Bundesstaat auf Deutsch oder Englisch, Groß- und Kleinschreibung egal; mehrere Wörter bilden einen Namen (nord carolina)
cli-opt-parallel = Deutschen und englischen Text nebeneinander zeigen, Satz für Satz
cli-opt-outcome = Nur Rennen mit diesem Ausgang: gain (Gewinn) oder hold (gehalten)
cli-opt-party = Nur Rennen, die die Kandidatur dieser Partei gewann: D, R, I oder L
cli-opt-special = Nur Sonderwahlen

## Befehlszeile: Aufruffehler

usage-invalid-value = ungültiger Wert „{ $value }“ für { $arg }; mögliche Werte: { $valid }
usage-invalid-value-plain = ungültiger Wert „{ $value }“ für { $arg }
usage-unknown-argument = unerwartetes Argument „{ $arg }“
usage-unknown-command = unbekannter Befehl „{ $command }“
usage-missing-argument = ein nötiges Argument fehlt: { $arg }
usage-missing-command = ein Befehl ist nötig
usage-conflict = { $arg } kann nicht zusammen mit { $other } verwendet werden
usage-repeated = { $arg } wurde mehr als einmal angegeben
usage-invalid-utf8 = die Argumente müssen gültiges UTF-8 sein
usage-other = die Befehlszeile ist nicht verständlich: { $detail }
usage-did-you-mean = meinten Sie { $suggestions }?
quoted = „{ $text }“
usage-more-info = Mehr dazu mit „--help“.

## Parteien

# $party: D, R, I, L; $gender: male, female
party-noun = { $party ->
    [D] { $gender ->
        [female] Demokratin
       *[male] Demokrat
    }
    [R] { $gender ->
        [female] Republikanerin
       *[male] Republikaner
    }
    [I] { $gender ->
        [female] Unabhängige
       *[male] Unabhängiger
    }
   *[L] { $gender ->
       [female] Libertäre
      *[male] Libertärer
   }
}
party-adjective = { $party ->
    [D] demokratisch
    [R] republikanisch
    [I] unabhängig
   *[L] libertär
}
party-plural = { $party ->
    [D] die Demokraten
    [R] die Republikaner
    [I] die Unabhängigen
   *[L] die Libertären
}
party-count = { $party ->
    [D] { $count ->
        [one] 1 Demokrat
       *[other] { $count } Demokraten
    }
    [R] { $count } Republikaner
    [I] { $count ->
        [one] 1 Unabhängiger
       *[other] { $count } Unabhängige
    }
   *[L] { $count ->
        [one] 1 Libertärer
       *[other] { $count } Libertäre
    }
}

## Rollen, nach dem Geschlecht der Person

role = { $role ->
    [incumbent] { $gender ->
        [female] Amtsinhaberin
       *[male] Amtsinhaber
    }
    [appointed] auf den Sitz ernannt
    [candidate] { $gender ->
        [female] Kandidatin
       *[male] Kandidat
    }
    [winner] { $gender ->
        [female] Siegerin
       *[male] Sieger
    }
    [retiring] nicht wieder angetreten
    [resigned] zurückgetreten
    [withdrawn] Kandidatur zurückgezogen
    [predecessor] { $gender ->
        [female] Vorgängerin
       *[male] Vorgänger
    }
    [governor] { $gender ->
        [female] Gouverneurin
       *[male] Gouverneur
    }
    [primary] in der Vorwahl unterlegen
   *[mentioned] erwähnt
}

## Antworten: race

share-phrase = { $qualifier ->
    [exact] { " " }mit { NUMBER($percent, maximumFractionDigits: 2) } %
    [more_than] { " " }mit mehr als { NUMBER($percent, maximumFractionDigits: 2) } %
    [almost] { " " }mit fast { NUMBER($percent, maximumFractionDigits: 2) } %
    [just_over] { " " }mit knapp mehr als { NUMBER($percent, maximumFractionDigits: 2) } %
    [less_than] { " " }mit weniger als { NUMBER($percent, maximumFractionDigits: 2) } %
   *[none] {""}
}
margin-phrase = { $qualifier ->
    [exact] { " " }mit { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkten
    } Vorsprung
    [more_than] { " " }mit mehr als { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkten
    } Vorsprung
    [almost] { " " }mit fast { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkten
    } Vorsprung
    [just_over] { " " }mit knapp mehr als { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkten
    } Vorsprung
    [less_than] { " " }mit weniger als { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkten
    } Vorsprung
   *[none] {""}
}
share-short = { $qualifier ->
    [exact] { NUMBER($percent, maximumFractionDigits: 2) } %
    [more_than] mehr als { NUMBER($percent, maximumFractionDigits: 2) } %
    [almost] fast { NUMBER($percent, maximumFractionDigits: 2) } %
    [just_over] knapp über { NUMBER($percent, maximumFractionDigits: 2) } %
    [less_than] weniger als { NUMBER($percent, maximumFractionDigits: 2) } %
   *[none] –
}
margin-short = { $qualifier ->
    [exact] { NUMBER($points) } Pkt. Vorsprung
    [more_than] mehr als { NUMBER($points) } Pkt. Vorsprung
    [almost] fast { NUMBER($points) } Pkt. Vorsprung
    [just_over] knapp über { NUMBER($points) } Pkt. Vorsprung
    [less_than] weniger als { NUMBER($points) } Pkt. Vorsprung
   *[none] –
}
# Der Vorsprung als Wert der Faktenzeile label-margin („Vorsprung“), die das Nomen schon nennt
margin-value = { $qualifier ->
    [exact] { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkte
    }
    [more_than] mehr als { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkte
    }
    [almost] fast { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkte
    }
    [just_over] knapp über { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkte
    }
    [less_than] weniger als { NUMBER($points) } { $points ->
        [one] Prozentpunkt
       *[other] Prozentpunkte
    }
   *[none] –
}
race-summary = { $outcome ->
    [gain] { $winner } ({ party-noun }) gewann { $where }{ $share }; der Sitz ging von { $before ->
        [D] den Demokraten
        [R] den Republikanern
        [I] einem Unabhängigen
       *[L] einem Libertären
    } an { $party ->
        [D] die Demokraten
        [R] die Republikaner
        [I] { $gender ->
            [female] die Unabhängige
           *[male] den Unabhängigen
        }
       *[L] die Libertären
    }.
   *[hold] { $winner } ({ party-noun }) gewann { $where }{ $share }; { $party ->
        [D] die Demokraten behielten
        [R] die Republikaner behielten
        [I] { $gender ->
            [female] die Unabhängige behielt
           *[male] der Unabhängige behielt
        }
       *[L] die Libertären behielten
    } den Sitz.
}
race-where = { $special ->
    [yes] die Sonderwahl in { $state }
   *[no] in { $state }
}
label-state = Bundesstaat
label-election = Wahl
label-winner = { $gender ->
        [female] Siegerin
       *[male] Sieger
    }
label-party-before = Sitz zuvor bei
# Der Wert der Zeile label-party-before, im Dativ: „Sitz zuvor bei Demokraten“
party-before-value = { $party ->
    [D] Demokraten
    [R] Republikanern
    [I] einem Unabhängigen
   *[L] Libertären
}
label-outcome = Ausgang
label-vote-share = Stimmenanteil
label-margin = Vorsprung
label-official = Amtliches Ergebnis
label-note = Hinweis
election-kind = { $special ->
    [yes] Sonderwahl
   *[no] reguläre Wahl
}
# $party und $gender gehören zur Siegerin oder zum Sieger; Unabhängige sind keine Partei:
# „Gewinn einer Unabhängigen“, nicht „Gewinn der Unabhängigen“
outcome-value = { $outcome ->
    [gain] { $party ->
        [D] Gewinn der Demokraten
        [R] Gewinn der Republikaner
        [I] { $gender ->
            [female] Gewinn einer Unabhängigen
           *[male] Gewinn eines Unabhängigen
        }
       *[L] Gewinn der Libertären
    }
   *[hold] { $party ->
        [D] von den Demokraten gehalten
        [R] von den Republikanern gehalten
        [I] { $gender ->
            [female] von einer Unabhängigen gehalten
           *[male] von einem Unabhängigen gehalten
        }
       *[L] von den Libertären gehalten
    }
}
official-value = { NUMBER($percent, minimumFractionDigits: 1, maximumFractionDigits: 1) } %
heading-people = Personen
heading-text = Text
person-line = { $name } ({ party-noun }): { $roles }
error-unknown-race = es gibt kein Rennen „{ $race }“
error-unknown-race-suggest = es gibt kein Rennen „{ $race }“; meinten Sie { $suggestions }?
error-ambiguous-race = „{ $race }“ passt auf mehr als ein Rennen: { $choices }; bitte eines mit seiner Kennung wählen
race-choice = { $id } ({ $title })

## Antworten: races

col-state = Bundesstaat
col-winner = Sieger
col-party = Partei
col-outcome = Ausgang
col-share = Anteil
outcome-short = { $outcome ->
    [gain] Gewinn
   *[hold] gehalten
}
races-count = { $count ->
    [one] 1 Rennen
   *[other] { $count } Rennen
}
races-none = Kein Rennen passt zu diesen Filtern.

## Antworten: stats

stats-title = Die US-Senatswahlen 2014
stats-races = Rennen: { $count }, davon { $special ->
        [0] keine Sonderwahl
        [one] 1 Sonderwahl
       *[other] { $special } Sonderwahlen
    }
stats-defending = Zur Wahl stehende Sitze: { $list }
stats-before = Senat vorher: { $list }
stats-after = Senat nachher: { $list }
stats-gains = Gewinne: { $list }
stats-no-gains = Gewinne: keine
stats-agrees = Das stimmt mit den Angaben des Artikels überein: { $before_r } Republikaner vor der Wahl, { $after_r } danach sowie { $defending_d } demokratische und { $defending_r } republikanische Sitze, die zur Wahl standen.
party-gains = { $count } für { party-plural }
language-de = Deutsch
language-en = Englisch

## search und index

cli-cmd-search = Volltextsuche in beiden Sprachen; Ergebnisse in der Ausgabesprache
cli-cmd-index = Den Suchindex jetzt (neu) aufbauen
cli-usage-search = senate-kb search [OPTIONEN] <ANFRAGE>...
cli-usage-index = senate-kb index [OPTIONEN]
cli-arg-query = Wörter (alle müssen vorkommen, in einer der beiden Sprachen), "eine Wortfolge", -Wort zum Ausschließen, OR zwischen Alternativen, plag* für Wortanfänge; Filter state:MT, party:R, outcome:gain, person:udall
cli-opt-limit = Höchstens so viele Treffer zeigen [Standard: 10]
cli-opt-index = Den Suchindex in diesem Verzeichnis ablegen [Standard: SENATE_KB_INDEX, sonst index/ im Quellverzeichnis, sonst das Cache-Verzeichnis des Benutzers]
cli-value-query = ANFRAGE
cli-value-n = ANZAHL
search-none = Nichts gefunden für „{ $query }“.
search-relaxed = Nichts enthält alle Wörter aus „{ $query }“. Treffer für die übrigen Wörter, ohne { $without }:
search-quoted = „{ $word }“
search-list = { $head } und { $last }
search-other-language = { $lang ->
    [de] Deutsch
   *[en] Englisch
}:
search-total = { $shown ->
    [one] { $total ->
        [one] 1 Treffer
       *[other] 1 von { $total } Treffern; mehr mit --limit
    }
   *[other] { $total ->
        [one] 1 Treffer
       *[other] { $shown } von { $total } Treffern; mehr mit --limit
    }
}
search-no-person = niemand namens „{ $name }“ kommt in der Wissensbasis vor
search-no-person-suggest = niemand namens „{ $name }“ kommt in der Wissensbasis vor; meinten Sie { $suggestions }?
index-built = Index aufgebaut: { $documents } Dokumente in { $path } ({ $millis } ms).

error-query-empty = es gibt nichts zu suchen; geben Sie ein oder mehrere Wörter ein, z. B. senate-kb search Plagiat
error-query-unclosed-quote = ein Anführungszeichen wird nicht geschlossen; schließen Sie die Wortfolge ("Max Baucus") oder entfernen Sie das Anführungszeichen
error-query-dangling-or = OR braucht auf beiden Seiten ein Wort, z. B. Stichwahl OR runoff
error-query-dangling-not = nach „-“ und NOT muss direkt ein Wort folgen, z. B. -Georgia
error-query-exclusion-in-or = ein Ausschluss kann keine Alternative von OR sein; schreiben Sie den Ausschluss für sich (a OR b -c)
error-query-only-exclusions = eine Suche braucht mindestens ein Wort oder einen Filter, nicht nur Ausschlüsse
error-query-wildcard = „{ $word }“: * steht nur am Ende eines Wortes mit mindestens zwei Buchstaben, z. B. plag*
error-query-empty-filter = „{ $field }:“ braucht einen Wert, z. B. state:MT, party:R, outcome:gain, person:udall
error-query-unknown-filter = einen Filter „{ $field }:“ gibt es nicht; die Filter sind state:, party:, outcome: und person:
error-query-bad-filter = { $field ->
    [state] „{ $value }“ ist kein Bundesstaat mit einer Wahl 2014; verwenden Sie ein Postkürzel (MT) oder einen Staatsnamen
    [party] „{ $value }“ ist keine Partei; verwenden Sie D, R, I oder L
   *[outcome] „{ $value }“ ist kein Wahlausgang; verwenden Sie gain (Wechsel) oder hold (gehalten)
}
error-query-bad-filter-suggest = { $field ->
    [state] „{ $value }“ ist kein Bundesstaat mit einer Wahl 2014; meinten Sie { $suggestions }?
    [party] „{ $value }“ ist keine Partei; verwenden Sie { $suggestions }
   *[outcome] „{ $value }“ ist kein Wahlausgang; verwenden Sie { $suggestions }
}
error-query-too-long = die Anfrage ist länger als { $max } Zeichen; kürzen Sie sie
error-query-too-many = die Anfrage hat mehr als { $max } Wörter, Wortfolgen und Filter; kürzen Sie sie
error-index-build = der Suchindex kann nicht in { $path } aufgebaut werden: { $error }; wählen Sie mit --index VERZEICHNIS einen anderen Ort
error-index = der Suchindex kann nicht gelesen werden: { $error }; bauen Sie ihn mit senate-kb index neu auf

## person

cli-cmd-person = Jedes Rennen, in dem eine Person vorkommt: ihre Rollen, der Ausgang und die Sätze, die sie nennen
cli-usage-person = senate-kb person [OPTIONEN] <NAME>...
cli-arg-name = Ein Name: vollständiger Name, Nachname, Vorname, Alias oder Spitzname, in beliebiger Schreibung, mit oder ohne diakritische Zeichen, Tippfehler verziehen; mehrere Wörter bilden einen Namen (tom udall)
cli-value-name = NAME
# „Mark Udall — Demokrat, US-Senator für Colorado (Amtsinhaber)“; $description ist person-description
person-heading = { $name } — { party-noun }, { $description }
# Was eine Person war, nach ihrer aussagekräftigsten Rolle; $state ist, wo sie sie hatte
person-description = { $standing ->
    [incumbent] { $gender ->
        [female] US-Senatorin für { $state } (Amtsinhaberin)
       *[male] US-Senator für { $state } (Amtsinhaber)
    }
    [elected] { $gender ->
        [female] zur US-Senatorin für { $state } gewählt
       *[male] zum US-Senator für { $state } gewählt
    }
    [governor] { $gender ->
        [female] Gouverneurin von { $state }
       *[male] Gouverneur von { $state }
    }
    [former] { $gender ->
        [female] ehemalige US-Senatorin für { $state }
       *[male] ehemaliger US-Senator für { $state }
    }
    [candidate] { $gender ->
        [female] Kandidatin für den US-Senat in { $state }
       *[male] Kandidat für den US-Senat in { $state }
    }
    [withdrawn] Kandidatur für den US-Senat in { $state } zurückgezogen
    [primary] in der Vorwahl für den US-Senat in { $state } unterlegen
   *[mentioned] { $overview ->
        [yes] { $races ->
            [0] in der Übersicht erwähnt
            [one] in der Übersicht und in einem Rennen erwähnt
           *[other] in der Übersicht und in { $races } Rennen erwähnt
        }
       *[no] { $races ->
            [one] in einem Rennen erwähnt
           *[other] in { $races } Rennen erwähnt
        }
    }
}
# Ein Dokument unter der Person: „Colorado — Amtsinhaber, Kandidat“; $roles sind role-Meldungen
person-race = { $title } — { $roles }
person-several = { $count } Personen passen zu „{ $query }“, die beste Übereinstimmung zuerst:
person-closest = { $count ->
    [one] Niemand heißt „{ $query }“; der ähnlichste Name:
   *[other] Niemand heißt „{ $query }“; die ähnlichsten Namen, der beste zuerst:
}
error-name-too-long = der Name ist länger als { $max } Zeichen; geben Sie einen Vornamen, einen Nachnamen oder beide ein

## serve: der Befehl und seine Startzeile
cli-cmd-serve = Dasselbe Wissen über HTTP: eine JSON-API auf Loopback (siehe den HTTP-Vertrag)
cli-usage-serve = senate-kb serve [OPTIONEN]
cli-opt-addr = Auf dieser Adresse und diesem Port lauschen; Port 0 wählt einen freien [Standard: 127.0.0.1:8080]
cli-value-addr = ADRESSE
serve-listening = senate-kb antwortet unter { $url }
serve-stopping = senate-kb hält an: die laufenden Anfragen werden beendet
serve-reload-failed = der neue Suchindex lässt sich nicht öffnen, es antwortet der alte: { $error }
error-serve-bind = kann nicht auf { $addr } lauschen: { $error }

## serve: die Fehlerantworten der HTTP-API ({"error": {"code": …, "message": …}})
http-not-ready = der Suchindex wird gerade geöffnet; bitte gleich noch einmal versuchen
http-not-found = unter dieser Adresse gibt es nichts; die API liegt unter /api/ (siehe /api/openapi.json)
http-method-not-allowed = hier wird nur GET beantwortet
http-bad-encoding = der Parameter „{ $name }“ ist kein gültiger prozentkodierter UTF-8-Text
http-unknown-parameter = einen Parameter „{ $name }“ gibt es hier nicht; die Parameter sind: { $allowed }
http-repeated-parameter = der Parameter „{ $name }“ steht mehr als einmal da; bitte nur einmal angeben
http-missing-parameter = der Parameter „{ $name }“ fehlt
http-bad-parameter = „{ $value }“ ist kein gültiger Wert für „{ $name }“; erwartet: { $expected }
http-uri-too-long = die Adresse ist länger als { $max } Bytes
http-headers-too-large = die Kopfzeilen der Anfrage sind größer als { $max } Bytes
http-payload-too-large = der Rumpf der Anfrage ist zu groß; die API beantwortet nur GET-Anfragen ohne Rumpf
http-overloaded = der Server ist ausgelastet; bitte gleich noch einmal versuchen
http-timeout = die Antwort hat zu lange gedauert; bitte noch einmal versuchen
http-internal = im Server ist etwas schiefgegangen: { $error }
http-expected-number = eine ganze Zahl (0 oder mehr)
http-expected-boolean = true oder false

## serve: die Webseiten

page-site = US-Senatswahlen 2014
page-skip = Zum Inhalt springen
page-nav = Bereiche
page-nav-races = Alle Rennen
page-nav-people = Personen
page-language = Sprache
page-search-label = Die Rennen durchsuchen, auf Deutsch oder Englisch
page-search-placeholder = z. B. Plagiat, Stichwahl
page-search-button = Suchen
# Die Fußzeile jeder Seite. $article und $licence sind Links mit den Texten darunter.
page-credit = Text: der Artikel { $article } der deutschsprachigen Wikipedia, von seinen Autorinnen und Autoren, unter der { $licence }; das Englische ist eine Übersetzung davon, unter derselben Lizenz.
page-credit-article = „Wahl zum Senat der Vereinigten Staaten 2014“
page-credit-licence = Lizenz CC BY-SA 4.0
page-search-title = Suche
page-search-results = Ergebnisse für „{ $query }“
page-search-hint = Geben Sie ein Wort auf Deutsch oder Englisch ein: einen Namen, einen Bundesstaat, ein Thema (Plagiat, runoff, Kopf-an-Kopf-Rennen). Die Ergebnisse erscheinen schon beim Tippen.
page-hits = { $count ->
    [one] 1 Treffer
   *[other] { $count } Treffer
}
page-facts = Fakten
page-text-views = Text anzeigen auf
page-text-both = Nebeneinander
page-people-title = Personen
page-people-label = Eine Person nach Namen suchen
page-people-button = Nachschlagen
page-races-title = Alle Rennen
page-races-caption = Die Rennen von 2014; sortieren mit einem Klick auf die Spaltenüberschrift
page-error-title = { $status ->
    [400] Die Anfrage kann nicht beantwortet werden
    [404] Nicht gefunden
    [503] Gerade nicht verfügbar
   *[other] Etwas ist schiefgegangen
}
page-not-found = Unter dieser Adresse gibt es nichts.
page-error-home = Zurück zur Startseite
# Der erste Satz der Startseite, aus den Fakten der Rennen.
home-summary = Am 4. November 2014 standen { $races } der 100 Sitze im Senat zur Wahl ({ $special } davon in Sonderwahlen); die Republikaner gewannen den Demokraten { $gains_r } { $gains_r ->
    [one] Sitz
   *[other] Sitze
} ab{ $gains_d ->
    [0] {""}
    [one] {" "}und verloren 1
   *[other] {" "}und verloren { $gains_d }
} und errangen die Mehrheit mit { $after_r } zu { $after_d }.
facet-nav = Ergebnisse filtern
facet-heading-party = Partei des Siegers
facet-heading-outcome = Ausgang
facet-heading-special = Wahl
facet-party = { $party ->
    [D] Demokraten
    [R] Republikaner
    [I] Unabhängige
   *[L] Libertäre
}
facet-outcome = { $outcome ->
    [gain] Sitz wechselte die Partei
   *[hold] Sitz gehalten
}
facet-special = Sonderwahlen
map-title = Die Rennen von 2014 nach Bundesstaat, gefärbt nach der Partei des Siegers
# $won ist eine Liste aus map-party-races
map-desc = { $races } Rennen: { $won }; { $gains } { $gains ->
    [one] Sitz wechselte
   *[other] Sitze wechselten
} die Partei; { $special } { $special ->
    [one] Sonderwahl
   *[other] Sonderwahlen
}.
map-party-races = { $count } { $count ->
    [one] Sieg
   *[other] Siege
} { $party ->
    [D] der Demokraten
    [R] der Republikaner
    [I] von Unabhängigen
   *[L] der Libertären
}
map-won-by = { $party ->
    [D] gewonnen von einem Demokraten
    [R] gewonnen von einem Republikaner
    [I] gewonnen von einem Unabhängigen
   *[L] gewonnen von einem Libertären
}
map-legend-gain = gestreift und umrandet: der Sitz wechselte die Partei
map-legend-special = Kreis in der Ecke: Sonderwahl (neben einer regulären Wahl ein eigener Link)
map-legend-none = keine Senatswahl 2014
map-as-table = Dieselben Rennen als Tabelle
map-no-race = { $state }: keine Senatswahl 2014
# Die Bundesstaaten ohne Rennen 2014, nach Postleitzahl-Kürzel
map-state = { $code ->
    [AZ] Arizona
    [CA] Kalifornien
    [CT] Connecticut
    [FL] Florida
    [IN] Indiana
    [MD] Maryland
    [MO] Missouri
    [ND] North Dakota
    [NV] Nevada
    [NY] New York
    [OH] Ohio
    [PA] Pennsylvania
    [UT] Utah
    [VT] Vermont
    [WA] Washington
   *[WI] Wisconsin
}
senate-before = Vor der Wahl
senate-after = Nach der Wahl
senate-legend-gain = gestreift: der anderen Partei abgenommen
senate-caption = Die 100 Sitze des Senats vor und nach der Wahl
