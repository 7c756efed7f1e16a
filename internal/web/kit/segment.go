package kit

import (
	"context"

	"github.com/tilmash/tilmash/pipeline"
)

// SegmentSaveRequest is a person's save of one segment, from the API and the workbench alike.
type SegmentSaveRequest struct {
	Text    *string `json:"text"`
	Version *int    `json:"version"`
	Confirm bool    `json:"confirm"`
}

// MaxSegmentBytes bounds one segment's text: a sentence, even a long one, is far below it.
const MaxSegmentBytes = 64 << 10

// SegmentStore is what a segment save needs from storage.
type SegmentStore interface {
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	SaveSegment(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error)
}

// CheckFunc runs the automated checks on a segment.
type CheckFunc func(u pipeline.CheckUnit) []pipeline.Finding

// SaveSegment is the one path by which a person's text reaches a segment, whether it comes from
// the API or the workbench: the request must carry the text and the version it was based on, the
// automated checks (when check is set) run on the new text, and the store applies the segment
// rules (a stale version or a changed source is a conflict, nothing is overwritten).
func SaveSegment(ctx context.Context, store SegmentStore, check CheckFunc, user *pipeline.User, src pipeline.SegmentSource,
	editionID, segmentID int64, body SegmentSaveRequest) (pipeline.SaveResult, error) {
	if body.Text == nil || body.Version == nil {
		field := "text"
		if body.Text != nil {
			field = "version"
		}
		return pipeline.SaveResult{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": field}}
	}
	var findings []pipeline.Finding
	if check != nil {
		concepts, err := store.FindConcepts(ctx)
		if err != nil {
			return pipeline.SaveResult{}, err
		}
		for _, f := range check(pipeline.CheckUnit{SourceLang: src.SourceLang, TargetLang: src.EditionLang,
			Source: src.Text, Target: *body.Text, Terms: concepts}) {
			f.SegmentID = segmentID
			findings = append(findings, f)
		}
	}
	return store.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: editionID, SegmentID: segmentID, Text: *body.Text,
		BaseVersion: *body.Version, Confirm: body.Confirm, User: user.Name, Findings: findings})
}

// FindingJSON is a finding as the API and the workbench's script read it.
type FindingJSON struct {
	ID        int64             `json:"id"`
	Check     string            `json:"check"`
	Severity  pipeline.Severity `json:"severity"`
	Message   string            `json:"message"`
	Dismissed bool              `json:"dismissed"`
	Reason    string            `json:"reason,omitempty"`
}

// ToFindingJSON writes a finding with its message in loc's language.
func ToFindingJSON(loc *Localizer, f pipeline.Finding) FindingJSON {
	return FindingJSON{ID: f.ID, Check: f.Check, Severity: f.Severity, Message: loc.T(f.MessageID, CopyData(f.Data)),
		Dismissed: f.Dismissed, Reason: f.Reason}
}
