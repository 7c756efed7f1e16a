package text_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

func ExampleSentences() {
	for _, s := range text.Sentences("Н. Назарбаев выступил в 2023 г. Зал слушал, т.е. Астана ждала.", pipeline.Russian) {
		fmt.Println(s)
	}
	for _, s := range text.Sentences("他说：“我们同意。”会议结束了！", pipeline.Chinese) {
		fmt.Println(s)
	}
	// Output:
	// Н. Назарбаев выступил в 2023 г.
	// Зал слушал, т.е. Астана ждала.
	// 他说：“我们同意。”
	// 会议结束了！
}
