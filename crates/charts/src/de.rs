//! The German table: each English text of the charts, the report and the console headlines
//! (the message id, as written in the code) with its German text. `STATIC` holds the texts
//! passed to `tr`, `trf` and `msg` in this crate's sources (a unit test checks that every one
//! has its entry here and every entry is used); `RUN_TIME` the texts that come from the run's
//! files: the labels and units of `summary.json`, the policy kinds' names, ledger items, the
//! decomposition's verdicts (tests check them against a run's files and the registry of
//! kinds). Placeholders in braces (`{n}`) are filled in by `trf` and must be the same in both
//! languages. Scenario labels (regions, sectors, policies) are shown as written.

/// Texts of the code.
pub(crate) const STATIC: &[(&str, &str)] = &[
    // Counted nouns.
    ("{n} replication", "{n} Replikation"),
    ("{n} replications", "{n} Replikationen"),
    ("{n} point", "{n} Punkt"),
    ("{n} points", "{n} Punkte"),
    ("{n} arm", "{n} Variante"),
    ("{n} arms", "{n} Varianten"),
    ("{n} run", "{n} Lauf"),
    ("{n} runs", "{n} Läufe"),
    ("{n} thread", "{n} Thread"),
    ("{n} threads", "{n} Threads"),
    ("{n} sector", "{n} Branche"),
    ("{n} sectors", "{n} Branchen"),
    // Axes, legends, notes shared by the charts.
    (
        "Months since displacement",
        "Monate seit dem Arbeitsplatzverlust",
    ),
    ("Months since entry", "Monate seit dem Eintritt"),
    (
        "5–95 % range across replications",
        "5–95-%-Spanne der Replikationen",
    ),
    ("one replication", "eine Replikation"),
    ("mean of {n} replications", "Mittel aus {n} Replikationen"),
    (
        "Source: Wandel {version}, scenario {scenario}, one replication",
        "Quelle: Wandel {version}, Szenario {scenario}, eine Replikation",
    ),
    (
        "Source: Wandel {version}, scenario {scenario}, {n} replications",
        "Quelle: Wandel {version}, Szenario {scenario}, {n} Replikationen",
    ),
    ("Dashed lines: {list}.", "Gestrichelte Linien: {list}."),
    ("closure announced: ", "Schließung angekündigt: "),
    ("closes: ", "Schließung: "),
    ("no value", "kein Wert"),
    ("; shaded: 5–95 % range", "; schattiert: 5–95-%-Spanne"),
    // The report.
    ("Wandel briefing: {name}", "Wandel-Kurzbericht: {name}"),
    ("Wandel briefing report", "Wandel-Kurzbericht"),
    (
        "{months} months, {start} to {end}; {replications}, seed {seed}.",
        "{months} Monate, {start} bis {end}; {replications}, Startwert {seed}.",
    ),
    ("Headline indicators", "Kernindikatoren"),
    (
        "summary.json lists no indicators.",
        "summary.json enthält keine Indikatoren.",
    ),
    ("Indicator", "Indikator"),
    ("Unit", "Einheit"),
    ("Mean", "Mittelwert"),
    ("95&nbsp;% CI of the mean", "95-%-KI des Mittelwerts"),
    ("5–95&nbsp;% range", "5–95-%-Spanne"),
    ("Rests on", "Beruht auf"),
    ("{low} to {high}", "{low} bis {high}"),
    (
        "{workers} workers, {runs} runs",
        "{workers} Beschäftigte, {runs} Läufe",
    ),
    ("{runs} runs", "{runs} Läufe"),
    ("suppressed: {reason}", "unterdrückt: {reason}"),
    (
        "Mean across {replications}, the 95&nbsp;% confidence interval of that mean (Student's t), and the 5th to 95th percentile of the replications (summary.json). Fractions are shown in percent. Displaced workers are the closing firms' staff when a closure displaced anyone, otherwise the laid off. \"Rests on\": the replications that observed a figure and, for a figure about a group of workers, how many it pools; one resting on fewer than 30 workers, or seen in fewer than half the replications, is suppressed.",
        "Mittelwert über {replications}, das 95-%-Konfidenzintervall dieses Mittelwerts (Student-t) und das 5. bis 95. Perzentil der Replikationen (summary.json). Anteile sind in Prozent angegeben. Verdrängte Beschäftigte sind die Belegschaft schließender Betriebe, wenn eine Schließung jemanden verdrängt hat, sonst die Entlassenen. „Beruht auf“: die Replikationen, die eine Zahl beobachtet haben, und bei einer Zahl über eine Gruppe von Beschäftigten, wie viele sie zusammenfasst; eine Zahl, die auf weniger als 30 Beschäftigten beruht oder in weniger als der Hälfte der Replikationen vorkommt, wird unterdrückt.",
    ),
    (
        "Effects against the counterfactual",
        "Wirkungen gegenüber dem kontrafaktischen Lauf",
    ),
    (
        "the same scenario without its shocks",
        "demselben Szenario ohne seine Schocks",
    ),
    (
        "the same scenario without its policies",
        "demselben Szenario ohne seine Maßnahmen",
    ),
    (
        "Each effect is the scenario minus {against}, run with the same seeds: replication k of one against replication k of the other (common random numbers), so the difference is the effect and not noise. Mean over {replications} with the 95&nbsp;% confidence interval of that mean; the last column compares the standard error of the paired difference with the one an unpaired comparison of the same runs would have.",
        "Jede Wirkung ist das Szenario minus {against}, gerechnet mit denselben Startwerten: Replikation k des einen gegen Replikation k des anderen (gemeinsame Zufallszahlen), sodass die Differenz die Wirkung ist und kein Rauschen. Mittelwert über {replications} mit dem 95-%-Konfidenzintervall dieses Mittelwerts; die letzte Spalte vergleicht den Standardfehler der gepaarten Differenz mit dem eines ungepaarten Vergleichs derselben Läufe.",
    ),
    (
        "summary.json lists no effects.",
        "summary.json enthält keine Wirkungen.",
    ),
    ("Effect", "Wirkung"),
    ("95&nbsp;% CI", "95-%-KI"),
    ("SE paired / unpaired", "SF gepaart / ungepaart"),
    (
        "Month by month in effects.csv; by item of the budget in ledger.csv (both arms).",
        "Monat für Monat in effects.csv; nach Haushaltsposten in ledger.csv (beide Läufe).",
    ),
    (
        " (95&nbsp;% CI {low} to {high})",
        " (95-%-KI {low} bis {high})",
    ),
    (
        "Local multiplier: {mean} non-tradable jobs lost per tradable job lost in the closure's region, 36 months after the closure{ci}; how the region absorbs the jobs it lost is in regional_adjustment.csv and the chart below.",
        "Lokaler Multiplikator: {mean} verlorene Arbeitsplätze in nicht handelbaren Branchen je verlorenem Arbeitsplatz in handelbaren Branchen in der Region der Schließung, 36 Monate nach der Schließung{ci}; wie die Region die verlorenen Arbeitsplätze auffängt, zeigen regional_adjustment.csv und die Grafik unten.",
    ),
    ("€{value}&nbsp;m", "{value}&nbsp;Mio.&nbsp;€"),
    ("The policies", "Die Maßnahmen"),
    ("Policy", "Maßnahme"),
    ("Entries", "Eintritte"),
    ("Aged 50+", "50 Jahre und älter"),
    ("Gross cost, state", "Bruttokosten Staat"),
    ("Cost to employers", "Kosten der Arbeitgeber"),
    ("Taken from others", "Anderen genommen"),
    ("Deadweight", "Mitnahme"),
    (
        "Entries and costs are means per replication over the run (the scenario's arm). Gross cost: the policy's own ledger items.",
        "Eintritte und Kosten sind Mittelwerte je Replikation über den Lauf (Szenario-Lauf). Bruttokosten: die eigenen Haushaltsposten der Maßnahme.",
    ),
    (
        "Net cost of all of them together, taxes and benefits included, against the run without them: {cost}.",
        "Nettokosten aller zusammen, Steuern und Leistungen eingerechnet, gegenüber dem Lauf ohne sie: {cost}.",
    ),
    (
        "Taken from others: the share of its participants' gain the economy does not gain (below, \"Who gains at whose expense\"); deadweight: of a hiring subsidy's subsidised hires, those the run without it made too.",
        "Anderen genommen: der Teil des Gewinns der Teilnehmenden, den die Volkswirtschaft nicht gewinnt (unten, „Wer gewinnt auf wessen Kosten“); Mitnahme: von den geförderten Einstellungen eines Einstellungszuschusses diejenigen, die auch im Lauf ohne ihn zustande kamen.",
    ),
    ("What each policy adds", "Was jede Maßnahme beiträgt"),
    ("Part", "Teil"),
    ("FTE job-years", "VZÄ-Beschäftigungsjahre"),
    ("Job-years (heads)", "Beschäftigungsjahre (Köpfe)"),
    (
        "Re-employed after 24 months (pp)",
        "Wiederbeschäftigt nach 24 Monaten (Pp.)",
    ),
    ("Net cost (€ million)", "Nettokosten (Mio. €)"),
    ("€ per FTE job-year", "€ je VZÄ-Beschäftigungsjahr"),
    (
        "Package against no policies",
        "Paket gegenüber keinen Maßnahmen",
    ),
    (
        "Interaction (sum of parts − package)",
        "Wechselwirkung (Summe der Teile − Paket)",
    ),
    (
        "Each part: the package minus the package without that policy (decomposition.csv), with its 95&nbsp;% interval.",
        "Jeder Teil: das Paket minus das Paket ohne diese Maßnahme (decomposition.csv), mit seinem 95-%-Intervall.",
    ),
    (
        "Who gains at whose expense",
        "Wer gewinnt auf wessen Kosten",
    ),
    (
        "Job-years in heads over the run: the participants against the same workers without the policy (same seeds), the economy against the run without it, and the share of the participants' gain taken from others (1 − economy / participants; negative when the economy gains more than the participants). In a package the economy's gain from a policy is the package against the package without it (run with --decompose).",
        "Beschäftigungsjahre in Köpfen über den Lauf: die Teilnehmenden gegenüber denselben Beschäftigten ohne die Maßnahme (dieselben Startwerte), die Volkswirtschaft gegenüber dem Lauf ohne sie, und der Teil des Gewinns der Teilnehmenden, der anderen genommen wird (1 − Volkswirtschaft / Teilnehmende; negativ, wenn die Volkswirtschaft mehr gewinnt als die Teilnehmenden). In einem Paket ist der Gewinn der Volkswirtschaft durch eine Maßnahme das Paket gegenüber dem Paket ohne sie (Lauf mit --decompose).",
    ),
    ("Participants", "Teilnehmende"),
    ("Participants' gain", "Gewinn der Teilnehmenden"),
    ("Economy's gain", "Gewinn der Volkswirtschaft"),
    ("Replications", "Replikationen"),
    ("Scenario", "Szenario"),
    ("Scenario file", "Szenariodatei"),
    ("Seed", "Startwert"),
    ("Months", "Monate"),
    (
        "{months} ({start} to {end})",
        "{months} ({start} bis {end})",
    ),
    ("Wandel version", "Wandel-Version"),
    ("Random number generator", "Zufallszahlengenerator"),
    ("Scenario SHA-256", "SHA-256 des Szenarios"),
    ("Run started (UTC)", "Laufbeginn (UTC)"),
    ("Counterfactual", "Kontrafaktischer Lauf"),
    ("Overrides (--set)", "Überschreibungen (--set)"),
    ("Charts", "Grafiken"),
    (
        "Not drawn for this run:",
        "Für diesen Lauf nicht gezeichnet:",
    ),
    ("Assumptions and sources", "Annahmen und Quellen"),
    (
        "Run started {time} (UTC). Re-running the scenario below with the same seed and overrides reproduces these results bit for bit.",
        "Lauf begonnen {time} (UTC). Ein neuer Lauf des Szenarios unten mit demselben Startwert und denselben Überschreibungen reproduziert diese Ergebnisse bitgenau.",
    ),
    (
        "No <code>--set</code> overrides.",
        "Keine Überschreibungen mit <code>--set</code>.",
    ),
    (
        "Overrides given with <code>--set</code>, applied after the files:",
        "Überschreibungen mit <code>--set</code>, nach den Dateien angewandt:",
    ),
    (
        "manifest.json holds no scenario files as written (an older run); the resolved scenario follows.",
        "manifest.json enthält die Szenariodateien nicht im Wortlaut (ein älterer Lauf); es folgt das aufgelöste Szenario.",
    ),
    (
        "The scenario file as written, comments included (units, sources and calibration rows are stated in its comments and in docs/calibration.md):",
        "Die Szenariodatei im Wortlaut, mit Kommentaren (Einheiten, Quellen und Kalibrierungszeilen stehen in ihren Kommentaren und in docs/calibration.md):",
    ),
    (
        "Extended by (its values apply where the file above does not set them):",
        "Erweitert (ihre Werte gelten, wo die Datei oben sie nicht setzt):",
    ),
    (
        "The resolved scenario that ran (files merged, overrides applied; defaults not written in the files are documented in docs/scenario-reference.md)",
        "Das aufgelöste Szenario, das gerechnet wurde (Dateien zusammengeführt, Überschreibungen angewandt; nicht in den Dateien stehende Voreinstellungen sind in docs/scenario-reference.md dokumentiert)",
    ),
    (
        "manifest.json contains no resolved scenario text.",
        "manifest.json enthält keinen aufgelösten Szenariotext.",
    ),
    (
        "Generated by wandel-charts {version} from the output files in this directory.",
        "Erzeugt von wandel-charts {version} aus den Ausgabedateien in diesem Verzeichnis.",
    ),
    // Why a figure is suppressed (summary.json).
    (
        "no worker in the group in any of {total} replications",
        "kein Beschäftigter der Gruppe in einer der {total} Replikationen",
    ),
    (
        "{pooled} workers pooled over {total} replications, fewer than {min}",
        "{pooled} Beschäftigte über {total} Replikationen zusammengefasst, weniger als {min}",
    ),
    (
        "seen in {seen} of {total} replications, fewer than half",
        "in {seen} von {total} Replikationen beobachtet, weniger als die Hälfte",
    ),
    // Console lines after the headlines (the runner's regional, crowding, decompose and
    // kind_effects modules).
    (
        "the closure's region against the run without it (jobs here, commuting out, residents employed, unemployed, out of the labour force, residents; unemployment rate):",
        "die Region der Schließung gegenüber dem Lauf ohne sie (Arbeitsplätze hier, Netto-Auspendler, beschäftigte Einwohner, Arbeitslose, Nichterwerbspersonen, Einwohner; Arbeitslosenquote):",
    ),
    (
        "months after: {counts} ; {rate} pp",
        "Monate danach: {counts} ; {rate} Pp.",
    ),
    (
        "who gains at whose expense (job-years in heads: the participants against the same workers without the policy, and the economy against the run without it):",
        "wer gewinnt auf wessen Kosten (Beschäftigungsjahre in Köpfen: die Teilnehmenden gegenüber denselben Beschäftigten ohne die Maßnahme, die Volkswirtschaft gegenüber dem Lauf ohne sie):",
    ),
    (
        "{policy}: participants {participants}, economy {economy}",
        "{policy}: Teilnehmende {participants}, Volkswirtschaft {economy}",
    ),
    (
        "; taken from others {share} % (negative: the economy gains more than the participants)",
        "; anderen genommen {share} % (negativ: die Volkswirtschaft gewinnt mehr als die Teilnehmenden)",
    ),
    (
        "; taken from others {share} %",
        "; anderen genommen {share} %",
    ),
    (
        "; taken from others: not given ({note})",
        "; anderen genommen: nicht angegeben ({note})",
    ),
    (
        "decomposition (the package minus the package without each part):",
        "Zerlegung (das Paket minus das Paket ohne jeden Teil):",
    ),
    ("the parts {verdict}", "die Teile {verdict}"),
    (
        "a part that gains no job-years has none",
        "ein Teil, der keine Beschäftigungsjahre gewinnt, hat keine",
    ),
    ("package", "Paket"),
    ("results in {dir}", "Ergebnisse in {dir}"),
    (
        "charts in {charts}, report: {report}",
        "Grafiken in {charts}, Bericht: {report}",
    ),
    ("workbook: {path}", "Arbeitsmappe: {path}"),
    (
        "local multiplier, 36 months after the closure",
        "lokaler Multiplikator, 36 Monate nach der Schließung",
    ),
    ("sum of parts minus package", "Summe der Teile minus Paket"),
    (
        "deadweight (hired anyway, ±{n} months)",
        "Mitnahme (ohnehin eingestellt, ±{n} Monate)",
    ),
    // Console headlines.
    (
        "effects against the counterfactual ({arm}):",
        "Wirkungen gegenüber dem kontrafaktischen Lauf ({arm}):",
    ),
    ("(95 % CI {low} – {high})", "(95-%-KI {low} – {high})"),
    (
        "{reps} replication of {months} months in {seconds} s on {threads} thread",
        "{reps} Replikation mit {months} Monaten in {seconds} s auf {threads} Thread",
    ),
    (
        "{reps} replication of {months} months in {seconds} s on {threads} threads",
        "{reps} Replikation mit {months} Monaten in {seconds} s auf {threads} Threads",
    ),
    (
        "{reps} replications of {months} months in {seconds} s on {threads} thread",
        "{reps} Replikationen mit je {months} Monaten in {seconds} s auf {threads} Thread",
    ),
    (
        "{reps} replications of {months} months in {seconds} s on {threads} threads",
        "{reps} Replikationen mit je {months} Monaten in {seconds} s auf {threads} Threads",
    ),
    // The sweep report and its charts.
    ("Wandel sweep: {name}", "Wandel-Parameterstudie: {name}"),
    ("Wandel sweep report", "Wandel-Bericht zur Parameterstudie"),
    (
        "{points} × {arms} × {reps} = {runs} ({failed} failed) of {base}; design {design}, seed {seed}; {seconds} s on {threads}{merged}.",
        "{points} × {arms} × {reps} = {runs} ({failed} fehlgeschlagen) von {base}; Design {design}, Startwert {seed}; {seconds} s auf {threads}{merged}.",
    ),
    (
        ", merged from {n} shards",
        ", zusammengeführt aus {n} Teilen",
    ),
    (
        "This sweep is not complete: the tables and charts show the runs done so far.",
        "Diese Parameterstudie ist nicht abgeschlossen: Tabellen und Grafiken zeigen die bisher gerechneten Läufe.",
    ),
    ("Point", "Punkt"),
    (
        "Mean by point and arm",
        "Mittelwert nach Punkt und Variante",
    ),
    (
        "Mean over the replications that succeeded, and under it the 95&nbsp;% confidence interval of that mean (Student's t).",
        "Mittelwert über die erfolgreichen Replikationen, darunter das 95-%-Konfidenzintervall dieses Mittelwerts (Student-t).",
    ),
    (
        "The first {shown} of {n} points are listed; aggregate.csv has them all.",
        "Die ersten {shown} von {n} Punkten sind aufgeführt; aggregate.csv enthält alle.",
    ),
    (
        "Paired effect against {arm}",
        "Gepaarte Wirkung gegenüber {arm}",
    ),
    (
        "Mean of the differences between replication k of each arm and replication k of {arm} at the same point (the same seed: common random numbers), and its 95&nbsp;% confidence interval; effects on rates in percentage points. aggregate.csv also gives each effect's standard error paired and unpaired.",
        "Mittelwert der Differenzen zwischen Replikation k jeder Variante und Replikation k von {arm} am selben Punkt (derselbe Startwert: gemeinsame Zufallszahlen) und sein 95-%-Konfidenzintervall; Wirkungen auf Quoten in Prozentpunkten. aggregate.csv gibt zu jeder Wirkung auch den gepaarten und den ungepaarten Standardfehler.",
    ),
    (
        "No parameter takes more than one value: nothing to chart.",
        "Kein Parameter nimmt mehr als einen Wert an: nichts zu zeichnen.",
    ),
    ("Sweep file", "Datei der Parameterstudie"),
    (
        "Source: Wandel {version}, sweep {file}, {runs} ({points} × {arms} × {reps})",
        "Quelle: Wandel {version}, Parameterstudie {file}, {runs} ({points} × {arms} × {reps})",
    ),
    (
        "95 % confidence interval of the mean",
        "95-%-Konfidenzintervall des Mittelwerts",
    ),
    (
        "{path}: {groups} groups of equal size, each labelled by its median",
        "{path}: {groups} gleich große Gruppen, jede mit ihrem Median beschriftet",
    ),
    (
        "Response to {path}, by arm",
        "Reaktion auf {path}, nach Variante",
    ),
    (
        "Mean of every run at each value of {path} (other parameters and the {reps} replications pooled); shaded: its 95 % confidence interval.",
        "Mittel aller Läufe bei jedem Wert von {path} (andere Parameter und die {reps} Replikationen zusammengefasst); schattiert: sein 95-%-Konfidenzintervall.",
    ),
    (
        "Mean of every run at each value of {path} (other parameters pooled); shaded: its 95 % confidence interval.",
        "Mittel aller Läufe bei jedem Wert von {path} (andere Parameter zusammengefasst); schattiert: sein 95-%-Konfidenzintervall.",
    ),
    (
        "Effect against {arm}, by {path}",
        "Wirkung gegenüber {arm}, nach {path}",
    ),
    (
        "Mean paired difference from {arm} (same point, same seed) at each value of {path}, other parameters and replications pooled; shaded: its 95 % confidence interval.",
        "Mittlere gepaarte Differenz zu {arm} (gleicher Punkt, gleicher Startwert) bei jedem Wert von {path}, andere Parameter und Replikationen zusammengefasst; schattiert: ihr 95-%-Konfidenzintervall.",
    ),
    ("{arm}: level", "{arm}: Niveau"),
    ("{arm}: effect", "{arm}: Wirkung"),
    ("first-order", "erster Ordnung"),
    ("total", "gesamt"),
    ("no variance", "keine Varianz"),
    (
        "Sensitivity of {indicator}: Sobol indices",
        "Sensitivität von {indicator}: Sobol-Indizes",
    ),
    (
        "Share of the variance across the design explained by each parameter alone (first-order) and with its interactions (total); Saltelli's scheme, {rows} base rows; whiskers: 95 % bootstrap intervals.",
        "Anteil der Varianz über das Design, den jeder Parameter allein (erster Ordnung) und mit seinen Wechselwirkungen (gesamt) erklärt; Saltellis Schema, {rows} Basiszeilen; Fehlerbalken: 95-%-Bootstrap-Intervalle.",
    ),
    // The calibration report and its charts.
    ("Wandel calibration: {name}", "Wandel-Kalibrierung: {name}"),
    ("Calibration: {name}", "Kalibrierung: {name}"),
    (
        "Simulated method of moments, {weighting} weighting; {evaluations} evaluations at {points} points, {reps} replications each with seed {seed} (the same seeds at every point). Objective at the estimate: {objective}.",
        "Simulierte Momentenmethode, Gewichtung {weighting}; {evaluations} Auswertungen an {points} Punkten, je {reps} Replikationen mit Startwert {seed} (an jedem Punkt dieselben Startwerte). Zielfunktion am Schätzwert: {objective}.",
    ),
    ("Estimates", "Schätzwerte"),
    ("Parameter", "Parameter"),
    ("Estimate", "Schätzwert"),
    ("Standard error", "Standardfehler"),
    ("95 % interval", "95-%-Intervall"),
    ("Range searched", "Suchbereich"),
    ("{se} (log scale)", "{se} (log. Skala)"),
    ("none: at a bound", "keines: am Rand"),
    (
        "Targets (estimated from)",
        "Zielgrößen (Grundlage der Schätzung)",
    ),
    ("Contribution to the objective", "Beitrag zur Zielfunktion"),
    (
        "Validation rows (declared in advance, never targeted)",
        "Validierungszeilen (vorab festgelegt, nie Zielgröße)",
    ),
    ("Consistent", "Vereinbar"),
    ("Moment", "Moment"),
    ("Row", "Zeile"),
    ("Measure", "Größe"),
    ("Documented", "Dokumentiert"),
    ("Simulated", "Simuliert"),
    ("yes", "ja"),
    ("no", "nein"),
    (
        "Overidentification: J = {j} on {df} degrees of freedom, p = {p}.",
        "Überidentifikation: J = {j} bei {df} Freiheitsgraden, p = {p}.",
    ),
    ("Identification", "Identifikation"),
    (
        "Scaled Jacobian: rank {rank} of {n} (singular values above {tolerance} of the largest), condition number {condition}; the Jacobian at step {step} and at twice it differ by {difference} % (at most {stable} % is stable).",
        "Skalierte Jacobi-Matrix: Rang {rank} von {n} (Singulärwerte über {tolerance} des größten), Konditionszahl {condition}; die Jacobi-Matrix bei Schrittweite {step} und bei der doppelten unterscheiden sich um {difference} % (höchstens {stable} % gilt als stabil).",
    ),
    ("No warnings.", "Keine Warnungen."),
    (
        "Warnings, as estimates.json writes them (in English):",
        "Warnungen, wie estimates.json sie schreibt (auf Englisch):",
    ),
    (
        "Wandel calibration {file}, seed {seed}, {reps} replications a point",
        "Wandel-Kalibrierung {file}, Startwert {seed}, {reps} Replikationen je Punkt",
    ),
    (
        "no profile (profile_points below 2)",
        "kein Profil (profile_points unter 2)",
    ),
    ("{path} (estimate {value})", "{path} (Schätzwert {value})"),
    ("Objective", "Zielfunktion"),
    (
        "Objective around the estimate, along each parameter",
        "Zielfunktion um den Schätzwert, entlang jedes Parameters",
    ),
    (
        "Weighted distance of the simulated targets from the documented figures; the other parameters at their estimates. A flat line: the targets do not pin the parameter down",
        "Gewichteter Abstand der simulierten Zielgrößen von den dokumentierten Werten; die übrigen Parameter auf ihren Schätzwerten. Eine flache Linie: die Zielgrößen legen den Parameter nicht fest",
    ),
    (
        "Distance from the estimate, share of the parameter's range",
        "Abstand vom Schätzwert, Anteil am Bereich des Parameters",
    ),
    (
        "no parameters or targets",
        "keine Parameter oder Zielgrößen",
    ),
    (
        "How far each target moves over each parameter's range, in standard deviations",
        "Wie weit sich jede Zielgröße über den Bereich jedes Parameters bewegt, in Standardabweichungen",
    ),
    (
        "The Jacobian at the estimate, scaled by the documented figures' standard deviations and the parameters' ranges: rows are targets, columns parameters",
        "Die Jacobi-Matrix am Schätzwert, skaliert mit den Standardabweichungen der dokumentierten Werte und den Bereichen der Parameter: Zeilen sind Zielgrößen, Spalten Parameter",
    ),
    ("rises with the parameter", "steigt mit dem Parameter"),
    ("falls with the parameter", "fällt mit dem Parameter"),
    // Chart: employment by sector, index.
    (
        "markets.csv has no `employed` or `short_time` rows",
        "markets.csv hat keine Zeilen `employed` oder `short_time`",
    ),
    (
        "Employment by sector, workers",
        "Beschäftigung nach Branchen, Beschäftigte",
    ),
    (
        "Employed including short-time work, all regions; {mean}.",
        "Beschäftigte einschließlich Kurzarbeit, alle Regionen; {mean}.",
    ),
    (
        "no sector has employment in the first month",
        "keine Branche hat im ersten Monat Beschäftigte",
    ),
    (
        "{sectors} without employment in the first month left out.",
        "{sectors} ohne Beschäftigte im ersten Monat ausgelassen.",
    ),
    ("{label} (up to {peak})", "{label} (bis {peak})"),
    ("Off the scale: {list}.", "Außerhalb der Skala: {list}."),
    (
        "Employment by sector, index (first month = 100)",
        "Beschäftigung nach Branchen, Index (erster Monat = 100)",
    ),
    ("first month", "erster Monat"),
    // Chart: unemployment, by region.
    (
        "economy.csv has no data rows",
        "economy.csv hat keine Datenzeilen",
    ),
    (
        "Long-term: unemployed for 12 months or more.",
        "Langzeit: seit 12 Monaten oder länger arbeitslos.",
    ),
    ("Unemployment rate", "Arbeitslosenquote"),
    ("Long-term unemployment rate", "Langzeitarbeitslosenquote"),
    (
        "Unemployment, % of the labour force",
        "Arbeitslosigkeit, % der Erwerbspersonen",
    ),
    (
        "no region with an unemployment rate in markets.csv (small multiples need two or more)",
        "keine Region mit einer Arbeitslosenquote in markets.csv (kleine Vielfache brauchen zwei oder mehr)",
    ),
    (
        "only one region with an unemployment rate in markets.csv (small multiples need two or more)",
        "nur eine Region mit einer Arbeitslosenquote in markets.csv (kleine Vielfache brauchen zwei oder mehr)",
    ),
    (
        "Unemployment rate by region, % of the labour force",
        "Arbeitslosenquote nach Regionen, % der Erwerbspersonen",
    ),
    // Chart: regional adjustment.
    (
        "no regional adjustment in this run (run a closure with --counterfactual no-shocks)",
        "keine regionale Anpassung in diesem Lauf (eine Schließung mit --counterfactual no-shocks rechnen)",
    ),
    (
        "the run ends before a year after the closure",
        "der Lauf endet vor einem Jahr nach der Schließung",
    ),
    ("{change} pp", "{change} Pp."),
    ("{change} after 1 year", "{change} nach 1 Jahr"),
    (
        "{change} after {years} years",
        "{change} nach {years} Jahren",
    ),
    (
        "How the region of the closure absorbs the jobs it lost",
        "Wie die Region der Schließung die verlorenen Arbeitsplätze auffängt",
    ),
    (
        "Change against the same run without the closure, {mean}, under common random numbers; whiskers: 95 % interval. Residents employed = jobs in the region + net commuting out; residents = employed + unemployed + in training + out of the labour force. The region's unemployment rate: {rates}.",
        "Veränderung gegenüber demselben Lauf ohne die Schließung, {mean}, mit gemeinsamen Zufallszahlen; Fehlerbalken: 95-%-Intervall. Beschäftigte Einwohner = Arbeitsplätze in der Region + Netto-Auspendler; Einwohner = Beschäftigte + Arbeitslose + in Weiterbildung + Nichterwerbspersonen. Arbeitslosenquote der Region: {rates}.",
    ),
    ("Jobs in the region", "Arbeitsplätze in der Region"),
    ("Net commuting out", "Netto-Auspendler"),
    ("Residents employed", "Beschäftigte Einwohner"),
    ("Residents unemployed", "Arbeitslose Einwohner"),
    (
        "Residents out of the labour force",
        "Einwohner außerhalb des Arbeitsmarkts",
    ),
    (
        "Residents of working age (moves, entrants)",
        "Einwohner im Erwerbsalter (Umzüge, Eintritte)",
    ),
    ("1 year after (workers)", "1 Jahr danach (Personen)"),
    ("3 years after (workers)", "3 Jahre danach (Personen)"),
    ("5 years after (workers)", "5 Jahre danach (Personen)"),
    // Charts of displaced workers.
    (
        "no displaced workers in this run (cohorts.csv has no row with n > 0)",
        "keine verdrängten Beschäftigten in diesem Lauf (cohorts.csv hat keine Zeile mit n > 0)",
    ),
    ("All ages", "Alle Altersgruppen"),
    ("Under 25", "Unter 25"),
    ("65 and over", "65 und älter"),
    (
        "Re-employment of displaced workers by age, % re-employed",
        "Wiederbeschäftigung verdrängter Beschäftigter nach Alter, % wiederbeschäftigt",
    ),
    (
        "Age at displacement; all displacement months pooled; mean over replications weighted by the number displaced.",
        "Alter beim Arbeitsplatzverlust; alle Monate des Arbeitsplatzverlusts zusammengefasst; Mittel über die Replikationen, gewichtet mit der Zahl der Verdrängten.",
    ),
    (
        "cohorts.csv has no rows for age group `all` with n > 0",
        "cohorts.csv hat keine Zeilen der Altersgruppe `all` mit n > 0",
    ),
    (
        "Where displaced workers found jobs, % of displaced workers",
        "Wo verdrängte Beschäftigte Arbeit fanden, % der Verdrängten",
    ),
    (
        "Same + other sector = all re-employed; other region overlaps both. All ages, weighted by the number displaced.",
        "Gleiche + andere Branche = alle Wiederbeschäftigten; andere Region überschneidet sich mit beiden. Alle Altersgruppen, gewichtet mit der Zahl der Verdrängten.",
    ),
    ("All re-employed", "Alle Wiederbeschäftigten"),
    ("Same sector", "Gleiche Branche"),
    ("Other sector", "Andere Branche"),
    ("Other region", "Andere Region"),
    (
        "cohorts.csv has no earnings ratios for age group `all`",
        "cohorts.csv hat keine Verdienstverhältnisse für die Altersgruppe `all`",
    ),
    ("Re-employed workers", "Wiederbeschäftigte"),
    (
        "All displaced (no job = 0)",
        "Alle Verdrängten (ohne Arbeit = 0)",
    ),
    (
        "Earnings after displacement, ratio to earnings before",
        "Verdienst nach dem Arbeitsplatzverlust, Verhältnis zum Verdienst davor",
    ),
    (
        "Mean current / pre-displacement earnings; all ages, pooled over replications. The re-employed line averages over whoever is in work at each month, so its movement reflects mainly who has found work by then (later hires take lower-paid jobs), not pay changes of those already re-employed.",
        "Mittel aus aktuellem Verdienst / Verdienst vor dem Arbeitsplatzverlust; alle Altersgruppen, über die Replikationen zusammengefasst. Die Linie der Wiederbeschäftigten mittelt über alle, die im jeweiligen Monat Arbeit haben; ihr Verlauf spiegelt daher vor allem, wer bis dahin Arbeit gefunden hat (spätere Einstellungen sind schlechter bezahlt), nicht Lohnänderungen der bereits Wiederbeschäftigten.",
    ),
    (
        "pre-displacement earnings",
        "Verdienst vor dem Arbeitsplatzverlust",
    ),
    // Chart: policy effect.
    ("With the shocks", "Mit den Schocks"),
    (
        "Counterfactual: without the shocks",
        "Kontrafaktisch: ohne die Schocks",
    ),
    ("With the policies", "Mit den Maßnahmen"),
    (
        "Counterfactual: without the policies",
        "Kontrafaktisch: ohne die Maßnahmen",
    ),
    (
        "Effect: scenario minus counterfactual",
        "Wirkung: Szenario minus kontrafaktischer Lauf",
    ),
    (
        "no counterfactual in this run (a scenario with policies has one; or run with --counterfactual no-shocks)",
        "kein kontrafaktischer Lauf (ein Szenario mit Maßnahmen hat einen; oder mit --counterfactual no-shocks rechnen)",
    ),
    (
        "effects.csv has no employment or unemployment rows",
        "effects.csv hat keine Zeilen zu Beschäftigung oder Arbeitslosigkeit",
    ),
    (
        "Effect on employment, workers",
        "Wirkung auf die Beschäftigung, Beschäftigte",
    ),
    (
        "Effect in full-time equivalents",
        "Wirkung in Vollzeitäquivalenten",
    ),
    ("Effect in heads", "Wirkung in Köpfen"),
    (
        "Effect on employment, full-time equivalents and heads",
        "Wirkung auf die Beschäftigung, Vollzeitäquivalente und Köpfe",
    ),
    (
        "Effect on unemployment, workers",
        "Wirkung auf die Arbeitslosigkeit, Personen",
    ),
    ("Unemployment rate, %", "Arbeitslosenquote, %"),
    (
        "Cumulative layoffs, workers",
        "Entlassungen kumuliert, Personen",
    ),
    (
        "Top: mean paired difference over {replications} (replication k of each arm shares its random numbers); employment in full-time equivalents counts a short-time worker at the hours it works, in heads (dashed) as one; trainees on a payroll are employed. Bottom: both arms' means.",
        "Oben: mittlere gepaarte Differenz über {replications} (Replikation k beider Läufe teilt ihre Zufallszahlen); Beschäftigung in Vollzeitäquivalenten zählt Kurzarbeitende mit ihren geleisteten Stunden, in Köpfen (gestrichelt) als eine Person; Weiterbildungsteilnehmende mit Arbeitsvertrag gelten als beschäftigt. Unten: Mittelwerte beider Läufe.",
    ),
    (
        "{arm} against the counterfactual",
        "{arm} gegenüber dem kontrafaktischen Lauf",
    ),
    (
        "95 % confidence interval of the effect",
        "95-%-Konfidenzintervall der Wirkung",
    ),
    // Chart: participants' effect.
    (
        "no follow-up of participants in this run (followup.csv is written for worker-level policies run against the counterfactual without policies)",
        "keine Verfolgung von Teilnehmenden in diesem Lauf (followup.csv wird für Maßnahmen für einzelne Beschäftigte gegenüber dem Lauf ohne Maßnahmen geschrieben)",
    ),
    (
        "Applicants passed over (no place)",
        "Nicht berücksichtigte Bewerber (kein Platz)",
    ),
    (
        "{n} participants per replication; effect on % employed, pp.",
        "{n} Teilnehmende je Replikation; Wirkung auf den Anteil Beschäftigter, Pp.",
    ),
    (
        "followup.csv has no participants",
        "followup.csv enthält keine Teilnehmenden",
    ),
    (
        "Share employed (on a payroll, working or in training there) minus that of the same workers in the run without the policies, same random numbers; mean over {replications}. Courses that take the unemployed out of search show a dip first (lock-in); passed-over applicants may enter later.",
        "Anteil Beschäftigter (mit Arbeitsvertrag, arbeitend oder dort in Weiterbildung) minus der derselben Personen im Lauf ohne die Maßnahmen, gleiche Zufallszahlen; Mittel über {replications}. Kurse, die Arbeitslose aus der Suche nehmen, zeigen zuerst eine Delle (Lock-in); nicht berücksichtigte Bewerber können später eintreten.",
    ),
    (
        "Effect of {policy} on its participants, by months since entry",
        "Wirkung von {policy} auf die Teilnehmenden, nach Monaten seit dem Eintritt",
    ),
    (
        "Effect on participants by months since entry",
        "Wirkung auf die Teilnehmenden nach Monaten seit dem Eintritt",
    ),
    (
        "95 % confidence interval of the participants' effect",
        "95-%-Konfidenzintervall der Wirkung auf die Teilnehmenden",
    ),
    // Chart: fiscal.
    ("Unemployment benefit", "Arbeitslosengeld"),
    ("Basic income", "Bürgergeld"),
    (
        "Taxes and contributions on wages",
        "Steuern und Beiträge auf Löhne",
    ),
    ("Short-time allowance", "Kurzarbeitergeld"),
    ("Reimbursed contributions", "Erstattete Sozialbeiträge"),
    (
        "no ledger.csv in this run",
        "kein ledger.csv in diesem Lauf",
    ),
    ("Net cost to the state", "Nettokosten des Staates"),
    (
        "Fiscal effect by item and year, € million: scenario minus counterfactual",
        "Fiskalische Wirkung nach Posten und Jahr, Mio. €: Szenario minus kontrafaktischer Lauf",
    ),
    (
        "Public budget by item and year, € million",
        "Öffentlicher Haushalt nach Posten und Jahr, Mio. €",
    ),
    (
        "Above zero: the state pays more or receives less; below zero: it pays less or receives more",
        "Über null: der Staat zahlt mehr oder nimmt weniger ein; unter null: er zahlt weniger oder nimmt mehr ein",
    ),
    (
        "Spending up, revenue (taxes and contributions) down",
        "Ausgaben nach oben, Einnahmen (Steuern und Beiträge) nach unten",
    ),
    (
        "Each bar: the scenario minus the same run without the shocks.",
        "Jeder Balken: das Szenario minus derselbe Lauf ohne die Schocks.",
    ),
    (
        "Each bar: the scenario minus the same run without the policies.",
        "Jeder Balken: das Szenario minus derselbe Lauf ohne die Maßnahmen.",
    ),
    ("{year}: 1 month", "{year}: 1 Monat"),
    ("{year}: {n} months", "{year}: {n} Monate"),
    ("Part years: {list}.", "Teiljahre: {list}."),
    // Chart: cost per job-year.
    ("All {n} policies together", "Alle {n} Maßnahmen zusammen"),
    (
        "no cost per job-year: the run has no policy that gained job-years against the counterfactual without policies",
        "keine Kosten je Beschäftigungsjahr: der Lauf hat keine Maßnahme, die gegenüber dem Lauf ohne Maßnahmen Beschäftigungsjahre gewinnt",
    ),
    ("−€{value}k", "−{value}&#8239;Tsd. €"),
    ("€{value}k", "{value}&#8239;Tsd. €"),
    ("gains no job-years", "gewinnt keine Beschäftigungsjahre"),
    (
        "the policy (each row) or without policies (first row)",
        "die Maßnahme (jede Zeile) oder ohne Maßnahmen (erste Zeile)",
    ),
    ("policies", "Maßnahmen"),
    (
        "Net cost to the state (spending minus taxes and contributions) per job-year gained against the same runs without {against}, {mean}. Whiskers: Fieller's 95 % interval (none where the job-years gained are not significantly different from zero). Negative: the policy pays for itself.",
        "Nettokosten des Staates (Ausgaben minus Steuern und Beiträge) je gewonnenem Beschäftigungsjahr gegenüber denselben Läufen ohne {against}, {mean}. Fehlerbalken: Fiellers 95-%-Intervall (keines, wo die gewonnenen Beschäftigungsjahre nicht signifikant von null verschieden sind). Negativ: die Maßnahme finanziert sich selbst.",
    ),
    (
        "Cost per job-year gained, by policy (€ thousand)",
        "Kosten je gewonnenem Beschäftigungsjahr, nach Maßnahme (Tsd. €)",
    ),
    (
        "€ thousand per job-year gained",
        "Tsd. € je gewonnenem Beschäftigungsjahr",
    ),
    // Chart: decomposition.
    (
        "no decomposition in this run (run a package of policies with --decompose)",
        "keine Zerlegung in diesem Lauf (ein Maßnahmenpaket mit --decompose rechnen)",
    ),
    (
        "decomposition.csv has none of the measures drawn",
        "decomposition.csv hat keine der gezeichneten Größen",
    ),
    ("The parts: {list}.", "Die Teile: {list}."),
    (
        "What each policy of the package adds",
        "Was jede Maßnahme des Pakets beiträgt",
    ),
    (
        "Each step: the package minus the package without that policy, {mean}, all under common random numbers; whiskers: 95 % interval of each step. The interaction, the sum of the parts minus the package as in decomposition.csv, closes the gap to the package (positive: the parts reinforce each other, so their sum counts the joint gain twice and the bar goes down by it; negative: they overlap).",
        "Jede Stufe: das Paket minus das Paket ohne diese Maßnahme, {mean}, alle mit gemeinsamen Zufallszahlen; Fehlerbalken: 95-%-Intervall jeder Stufe. Die Wechselwirkung, die Summe der Teile minus das Paket wie in decomposition.csv, schließt die Lücke zum Paket (positiv: die Teile verstärken sich, ihre Summe zählt den gemeinsamen Gewinn doppelt und der Balken geht um ihn zurück; negativ: sie überschneiden sich).",
    ),
    ("Adds", "Erhöht"),
    ("Subtracts", "Verringert"),
    ("Package", "Paket"),
    (
        "Job-years (full-time equivalents)",
        "Beschäftigungsjahre (Vollzeitäquivalente)",
    ),
    (
        "Net fiscal cost (€ million)",
        "Fiskalische Nettokosten (Mio. €)",
    ),
    (
        "full-time-equivalent job-years",
        "Beschäftigungsjahre in Vollzeitäquivalenten",
    ),
    ("re-employment", "Wiederbeschäftigung"),
    ("net fiscal cost", "fiskalische Nettokosten"),
];

/// Texts of the run's files.
pub(crate) const RUN_TIME: &[(&str, &str)] = &[
    // Units.
    ("workers", "Personen"),
    ("ratio", "Verhältnis"),
    ("job-years", "Beschäftigungsjahre"),
    ("pp", "Pp."),
    ("€ per month", "€ je Monat"),
    ("€ million", "Mio. €"),
    ("€ per job-year", "€ je Beschäftigungsjahr"),
    // Headline indicators (summary.json).
    (
        "Unemployment rate, mean over the run",
        "Arbeitslosenquote, Mittel über den Lauf",
    ),
    ("Peak unemployment rate", "Höchste Arbeitslosenquote"),
    (
        "Unemployment rate, last 12 months",
        "Arbeitslosenquote, letzte 12 Monate",
    ),
    (
        "Employment change, first to last month",
        "Beschäftigungsänderung, erster bis letzter Monat",
    ),
    (
        "Unemployment to employment, a month",
        "Aus Arbeitslosigkeit in Beschäftigung, je Monat",
    ),
    (
        "Employment to unemployment, a month",
        "Aus Beschäftigung in Arbeitslosigkeit, je Monat",
    ),
    ("Job to job, a month", "Von Stelle zu Stelle, je Monat"),
    ("Displaced workers", "Verdrängte Beschäftigte"),
    (
        "Displaced re-employed after 12 months",
        "Verdrängte wiederbeschäftigt nach 12 Monaten",
    ),
    (
        "Displaced re-employed after 24 months",
        "Verdrängte wiederbeschäftigt nach 24 Monaten",
    ),
    (
        "Displaced aged 25–54 re-employed after 24 months",
        "Verdrängte von 25–54 Jahren wiederbeschäftigt nach 24 Monaten",
    ),
    (
        "Displaced aged 55–64 re-employed after 24 months",
        "Verdrängte von 55–64 Jahren wiederbeschäftigt nach 24 Monaten",
    ),
    (
        "Displaced's earnings against matched controls, months 1–12",
        "Verdienst der Verdrängten gegenüber gematchten Kontrollen, Monate 1–12",
    ),
    (
        "Displaced's earnings against matched controls, months 49–60",
        "Verdienst der Verdrängten gegenüber gematchten Kontrollen, Monate 49–60",
    ),
    (
        "Re-employed displaced in another occupation after 24 months",
        "Wiederbeschäftigte Verdrängte in einem anderen Beruf nach 24 Monaten",
    ),
    (
        "Displaced who moved residence within 24 months",
        "Verdrängte mit Umzug innerhalb von 24 Monaten",
    ),
    (
        "Wage of the re-employed displaced after 24 months, to the wage before",
        "Lohn der wiederbeschäftigten Verdrängten nach 24 Monaten, zum Lohn davor",
    ),
    (
        "Long-term unemployed in the last month",
        "Langzeitarbeitslose im letzten Monat",
    ),
    // Headline effects (summary.json).
    (
        "Job-years in full-time equivalents (employment summed over the run, at its hours)",
        "Beschäftigungsjahre in Vollzeitäquivalenten (Beschäftigung über den Lauf summiert, zu ihren Stunden)",
    ),
    (
        "Job-years in heads (each employed worker one, whatever its hours; trainees on a payroll included)",
        "Beschäftigungsjahre in Köpfen (jede beschäftigte Person einmal, unabhängig von den Stunden; Weiterbildungsteilnehmende mit Arbeitsvertrag eingeschlossen)",
    ),
    ("Layoffs over the run", "Entlassungen über den Lauf"),
    (
        "Displaced re-employed after 6 months",
        "Verdrängte wiederbeschäftigt nach 6 Monaten",
    ),
    (
        "Mean monthly earnings of the displaced over the run (0 without a job)",
        "Mittlerer Monatsverdienst der Verdrängten über den Lauf (0 ohne Arbeit)",
    ),
    (
        "Net cost to the state over the run",
        "Nettokosten des Staates über den Lauf",
    ),
    (
        "Net cost to the state per full-time-equivalent job-year gained (ratio of the mean effects, Fieller's 95 % interval; negative: the policy pays for itself)",
        "Nettokosten des Staates je gewonnenem Beschäftigungsjahr in Vollzeitäquivalenten (Verhältnis der mittleren Wirkungen, Fiellers 95-%-Intervall; negativ: die Maßnahme finanziert sich selbst)",
    ),
    // Labels of a sweep's kept indicators (its manifest.json).
    (
        "Job-years, full-time equivalents",
        "Beschäftigungsjahre, Vollzeitäquivalente",
    ),
    (
        "Job-years, heads (trainees on a payroll included)",
        "Beschäftigungsjahre, Köpfe (Weiterbildungsteilnehmende mit Arbeitsvertrag eingeschlossen)",
    ),
    (
        "Net fiscal cost, € million",
        "Fiskalische Nettokosten, Mio. €",
    ),
    // The overidentification test's caveat (estimates.json).
    (
        "documented figures from other countries, periods or definitions are tested too: a rejection may be theirs, not the model's",
        "dokumentierte Werte aus anderen Ländern, Zeiträumen oder Abgrenzungen werden mitgetestet: eine Ablehnung kann an ihnen liegen, nicht am Modell",
    ),
    // Verdicts of the decomposition and notes.
    ("add up", "addieren sich"),
    ("reinforce each other", "verstärken sich"),
    ("overlap", "überschneiden sich"),
    (
        "the participants' gain is not significantly above zero",
        "der Gewinn der Teilnehmenden ist nicht signifikant über null",
    ),
    // Policy kinds (the registry's labels).
    ("Accreditation", "Anerkennung"),
    ("Conditional investment", "Bedingte Investitionsförderung"),
    ("Hiring subsidy", "Eingliederungszuschuss"),
    ("Job security council", "Beschäftigungssicherungsrat"),
    ("Mobility assistance", "Mobilitätshilfe"),
    ("Retraining", "Umschulung"),
    ("Short-time work", "Kurzarbeit"),
    ("Transformation council", "Transformationsrat"),
    ("Working-time reduction", "Arbeitszeitverkürzung"),
    // A hiring subsidy's figures (its kind_effects, printed by wandel run).
    ("hiring subsidy", "Eingliederungszuschuss"),
    ("subsidised hires", "geförderte Einstellungen"),
    ("deadweight, same firm", "Mitnahme, derselbe Betrieb"),
    (
        "target-group hires gained",
        "gewonnene Einstellungen der Zielgruppe",
    ),
    ("other hires crowded out", "verdrängte andere Einstellungen"),
    (
        "other hires crowded out per subsidised hire",
        "verdrängte andere Einstellungen je geförderter Einstellung",
    ),
    (
        "net hires per subsidised hire",
        "Netto-Einstellungen je geförderter Einstellung",
    ),
    (
        "cost per subsidised hire",
        "Kosten je geförderter Einstellung",
    ),
    ("cost per hire gained", "Kosten je gewonnener Einstellung"),
    // Policies' ledger items (ledger.csv, in words).
    ("Course costs", "Kurskosten"),
    ("Training allowance", "Weiterbildungsgeld"),
    ("Caseworkers", "Fallbearbeitung"),
    ("Council participants", "Teilnehmende des Rates"),
    ("Council costs", "Kosten des Rates"),
    ("Employer levy", "Arbeitgeberumlage"),
    ("Subsidy repayments", "Rückzahlungen von Zuschüssen"),
    ("Wage compensation", "Lohnausgleich"),
    ("Investment subsidy", "Investitionszuschuss"),
];
