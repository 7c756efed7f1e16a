package document_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/pipeline"
)

func ExampleParse() {
	text := "LATEST\n" +
		"ARTICLES\n\n" +
		"Home Central Asia and China \u00a0THE CASPIAN ROUTE\n\n" +
		"\u00a0THE CASPIAN ROUTE\n\n" +
		"Trade across the Caspian grew fast. Dr. Li expects more.\n\n\u00a0\n\n" +
		"China Studies Center, Astana\n"
	doc, err := document.Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(document.DisplayTitle(doc.Title, pipeline.English))
	for _, b := range doc.Blocks {
		fmt.Printf("%s: %s\n", b.Kind, b.Text)
	}
	for _, s := range document.Segments(doc, pipeline.English) {
		fmt.Printf("%d %d.%d %s\n", s.Position, s.BlockIndex, s.SentenceIndex, s.Text)
	}
	// Output:
	// The Caspian Route
	// title: THE CASPIAN ROUTE
	// paragraph: Trade across the Caspian grew fast. Dr. Li expects more.
	// byline: China Studies Center, Astana
	// 0 0.0 THE CASPIAN ROUTE
	// 1 1.0 Trade across the Caspian grew fast.
	// 2 1.1 Dr. Li expects more.
	// 3 2.0 China Studies Center, Astana
}
