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
