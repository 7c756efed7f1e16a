package qa

import (
	"math"

	"github.com/tilmash/tilmash/pipeline"
)

// checkNumber compares the numbers of source and translation by value, so that format and
// wording may differ: 1,000.5 = 1 000,5; $41 billion = 41 млрд долларов = 410亿美元; June 2023 =
// июнь 2023 г. = 2023年6月; 75th = 75-летие = 75周年. Every number written in digits on one side
// needs its value on the other, in digits or spelled out ("5 countries" / "пяти стран" /
// "五国"); spelled-out numbers alone are never required, because translators write "both",
// "first" or "两国" freely. Months are compared as months. Percent signs, currency and signs are
// not compared: 45% = 45 процентов.
func checkNumber(u pipeline.CheckUnit, _ *Options) []pipeline.Finding {
	src := extractNumbers(u.Source, u.SourceLang)
	tgt := extractNumbers(u.Target, u.TargetLang)
	if len(src) == 0 && len(tgt) == 0 {
		return nil
	}
	var out []pipeline.Finding
	srcUsed := make([]bool, len(src))
	tgtUsed := make([]bool, len(tgt))
	// Digits against digits first, then against spelled-out numbers.
	for pass := 0; pass < 2; pass++ {
		for i, s := range src {
			if srcUsed[i] || s.word {
				continue
			}
			for j, t := range tgt {
				if !tgtUsed[j] && t.month == s.month && (t.word == (pass == 1)) && sameValue(s.value, t.value) {
					srcUsed[i], tgtUsed[j] = true, true
					break
				}
			}
		}
		for j, t := range tgt {
			if tgtUsed[j] || t.word || pass == 0 {
				continue
			}
			for i, s := range src {
				if !srcUsed[i] && s.word && s.month == t.month && sameValue(s.value, t.value) {
					srcUsed[i], tgtUsed[j] = true, true
					break
				}
			}
		}
	}
	for i, s := range src {
		if srcUsed[i] || s.word {
			continue
		}
		if s.month {
			out = append(out, newFinding(CheckNumber, "check.number.month_missing", map[string]any{"Month": int(s.value), "Number": s.raw}))
		} else {
			out = append(out, newFinding(CheckNumber, "check.number.missing", map[string]any{"Number": s.raw}))
		}
	}
	for j, t := range tgt {
		if tgtUsed[j] || t.word {
			continue
		}
		if t.month {
			out = append(out, newFinding(CheckNumber, "check.number.month_extra", map[string]any{"Month": int(t.value), "Number": t.raw}))
		} else {
			out = append(out, newFinding(CheckNumber, "check.number.extra", map[string]any{"Number": t.raw}))
		}
	}
	return out
}

// sameValue compares two values with a relative tolerance for floating-point scaling
// (1.2 × 10⁴ × 10⁸ against 1.2 × 10¹²).
func sameValue(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}
