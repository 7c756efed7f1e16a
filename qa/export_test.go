package qa

import (
	"fmt"

	"github.com/tilmash/tilmash/pipeline"
)

// OmissionDebug exposes the omission measures to tests.
func OmissionDebug(u pipeline.CheckUnit) string {
	expected := weightedLength(u.Source) * lengthFactor(u.TargetLang) / lengthFactor(u.SourceLang)
	return fmt.Sprintf("ratio=%.2f sent=%d/%d clauses=%d/%d", weightedLength(u.Target)/expected,
		countSentences(u.Source, u.SourceLang), countSentences(u.Target, u.TargetLang), countClauses(u.Source), countClauses(u.Target))
}
