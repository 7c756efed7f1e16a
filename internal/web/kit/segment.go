package web

import (
	"context"

	"github.com/tilmash/tilmash/pipeline"
)

// segmentSaveRequest is a person's save of one segment, from the API and the workbench alike.
type segmentSaveRequest struct {
	Text    *string `json:"text"`
	Version *int    `json:"version"`
	Confirm bool    `json:"confirm"`
}

// maxSegmentBytes bounds one segment's text: a sentence, even a long one, is far below it.
const maxSegmentBytes = 64 << 10

// saveSegment is the one path by which a person's text reaches a segment, whether it comes from
// the API or the workbench: the request must carry the text and the version it was based on, the
// automated checks run on the new text, and the store applies the segment rules (a stale version
// or a changed source is a conflict, nothing is overwritten).
func (s *Server) saveSegment(ctx context.Context, user *pipeline.User, src pipeline.SegmentSource, editionID, segmentID int64,
	body segmentSaveRequest) (pipeline.SaveResult, error) {
	if body.Text == nil || body.Version == nil {
		field := "text"
		if body.Text != nil {
			field = "version"
		}
		return pipeline.SaveResult{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": field}}
	}
	var findings []pipeline.Finding
	if s.cfg.Check != nil {
		concepts, err := s.cfg.Store.FindConcepts(ctx)
		if err != nil {
			return pipeline.SaveResult{}, err
		}
		for _, f := range s.cfg.Check(pipeline.CheckUnit{SourceLang: src.SourceLang, TargetLang: src.EditionLang,
			Source: src.Text, Target: *body.Text, Terms: concepts}) {
			f.SegmentID = segmentID
			findings = append(findings, f)
		}
	}
	return s.cfg.Store.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: editionID, SegmentID: segmentID, Text: *body.Text,
		BaseVersion: *body.Version, Confirm: body.Confirm, User: user.Name, Findings: findings})
}
