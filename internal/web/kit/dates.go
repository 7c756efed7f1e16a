package kit

import (
	"fmt"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// Month names in the forms CLDR gives for a full date: Russian and Kazakh use the genitive
// ("27 ноября"), Kazakh puts the year first ("2026 жылғы 27 қараша").
var (
	monthsEn = [12]string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	monthsRu = [12]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
		"сентября", "октября", "ноября", "декабря"}
	monthsKk = [12]string{"қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз",
		"қыркүйек", "қазан", "қараша", "желтоқсан"}
)

// FormatDate writes a date the way each language's readers expect it (CLDR long date format).
func FormatDate(t time.Time, lang pipeline.Lang) string {
	y, m, d := t.Date()
	switch lang {
	case pipeline.Russian:
		return fmt.Sprintf("%d %s %d г.", d, monthsRu[m-1], y)
	case pipeline.Kazakh:
		return fmt.Sprintf("%d ж. %d %s", y, d, monthsKk[m-1])
	case pipeline.Chinese:
		return fmt.Sprintf("%d年%d月%d日", y, m, d)
	}
	return fmt.Sprintf("%s %d, %d", monthsEn[m-1], d, y)
}

// FormatDateTime writes an instant as a date and a time of day (a time layout such as "15:04")
// in the newsroom's zone (Base.Zone), the way lang's readers write dates.
func (b *Base) FormatDateTime(t time.Time, lang pipeline.Lang, clock string) string {
	t = t.In(b.TimeZone())
	return FormatDate(t, lang) + " " + t.Format(clock)
}

// FormatDay writes the date of an instant in the newsroom's zone (Base.Zone): an article created
// at 01:00 in Astana was created that day, not the day before as in UTC.
func (b *Base) FormatDay(t time.Time, lang pipeline.Lang) string {
	return FormatDate(t.In(b.TimeZone()), lang)
}
