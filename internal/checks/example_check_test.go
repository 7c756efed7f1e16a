package checks_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// Running the checks on one segment, as the check job does after drafting and the workbench does
// after every save: each finding names its check, its severity (an error blocks submission until
// a translator fixes it or overrides it with a reason) and a message ID with the data that the
// workbench shows in the reader's language. With the zero Options, every check that needs no
// resources runs; the termbase switches the glossary check on, and a Speller the spelling check.
func ExampleCheck() {
	terms := []checks.Term{{
		Terms:     map[pipeline.Lang]string{pipeline.English: "Belt and Road Initiative", pipeline.Russian: "инициатива «Пояс и путь»"},
		Forbidden: map[pipeline.Lang][]string{pipeline.Russian: {"Один пояс, один путь"}},
	}}
	for _, target := range []string{
		"В 2023 году инициатива «Пояс и путь» охватила 150 стран.",          // right
		"В 2024 году инициатива «Один пояс, один путь» охватила 150 стран.", // a wrong year, a forbidden name
	} {
		u := pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: pipeline.Russian,
			Source: "In 2023 the Belt and Road Initiative reached 150 countries.", Target: target}
		findings := checks.Check(u, checks.Options{Terms: terms})
		fmt.Printf("%q: %d findings\n", target, len(findings))
		for _, f := range findings {
			fmt.Printf("  %s (%s): %s %v\n", f.Check, f.Severity, f.MessageID, f.Data)
		}
	}
	// Output:
	// "В 2023 году инициатива «Пояс и путь» охватила 150 стран.": 0 findings
	// "В 2024 году инициатива «Один пояс, один путь» охватила 150 стран.": 4 findings
	//   number (error): check.number.missing map[Number:2023]
	//   number (error): check.number.extra map[Number:2024]
	//   glossary (error): check.glossary.forbidden map[Forbidden:Один пояс, один путь Source:Belt and Road Initiative Target:инициатива «Пояс и путь»]
	//   omission (warning): check.omission.anchor map[Missing:Belt and Road Initiative, 2023 Percent:96]
}
