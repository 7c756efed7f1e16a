package pseudo_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/mt/pseudo"
	"github.com/tilmash/tilmash/pipeline"
)

func ExampleClient_Pseudo() {
	c, _ := pseudo.New(pseudo.Config{})
	for _, lang := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		fmt.Println(c.Pseudo("Hello, {name}! See https://example.com/a?b=1 for 21 items.", lang))
	}
	fmt.Println(c.Pseudo("Привет, мир!", pipeline.English))
	fmt.Println(c.Pseudo("中亚合作", pipeline.Kazakh))
	// Output:
	// [en] ⟦Ĥéļļö, {name}! Šéé https://example.com/a?b=1 ƒöŕ 21 íţéɱš. åéîõüåéîõ⟧
	// [ru] ⟦Нелло, {name}! Сее https://example.com/a?b=1 фог 21 итемс. жщыэюяжщы⟧
	// [kk] ⟦Һеллө, {name}! Ѕее https://example.com/a?b=1 фөг 21 ітемѕ. әіңғүұқөһ⟧
	// [zh] ⟦公人，{name}！前 https://example.com/a?b=1 去 21 长里。 测试文字测试文字⟧
	// [en] ⟦Þŕíṽéţ, ɱíŕ!⟧
	// [kk] ⟦үәреғәзі⟧
}

func Example_body() {
	c, _ := pseudo.New(pseudo.Config{})
	for _, lang := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		body, _ := pipeline.PseudoBody(c.Pseudo(" Hello, {name}! See https://example.com/a?b=1 for 21 items. ", lang))
		fmt.Printf("%q\n", body)
	}
	fmt.Println(pipeline.PseudoBody("Hello."))
	// Output:
	// " Ĥéļļö, {name}! Šéé https://example.com/a?b=1 ƒöŕ 21 íţéɱš. "
	// " Нелло, {name}! Сее https://example.com/a?b=1 фог 21 итемс. "
	// " Һеллө, {name}! Ѕее https://example.com/a?b=1 фөг 21 ітемѕ. "
	// " 公人，{name}！前 https://example.com/a?b=1 去 21 长里。 "
	// Hello. false
}
