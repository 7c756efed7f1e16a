package pipeline

import "time"

// RepairChange is one fix the text repair made to a revision's text as it arrived: Before at byte
// offsets [Start, End) became After, by Rule. An editor may undo it until the article's editions
// move past review; Undone marks those undone (rejected), Accepted those an editor confirmed. A
// change with the rule RuleEditorAnswer is an editor's answer to a question.
type RepairChange struct {
	ID       int64  `json:"id"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Before   string `json:"before"`
	After    string `json:"after"`
	Rule     string `json:"rule"`
	Undone   bool   `json:"undone"`
	Accepted bool   `json:"accepted"`
}

// RepairQuestion is a token the repair left alone although it may be damaged, with the readings
// it considered. It is open until an editor answers it: Answer is then the reading chosen (the
// token itself when it stays as written).
type RepairQuestion struct {
	ID         int64    `json:"id"`
	Answered   bool     `json:"answered"`
	Answer     string   `json:"answer,omitempty"`
	AnsweredBy string   `json:"answered_by,omitempty"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Token      string   `json:"token"`
	Candidates []string `json:"candidates"`
	Reason     string   `json:"reason"`
}

// RevisionRepairs is the repair record of one source revision: its text as it arrived, the
// changes and the open questions. Version counts undo operations, so that two editors undoing at
// once do not overwrite each other.
type RevisionRepairs struct {
	ArticleID  int64
	RevisionID int64
	Format     Format // of Body
	Body       string
	Changes    []RepairChange
	Questions  []RepairQuestion
	Version    int
	UpdatedAt  time.Time
}

// Active returns the changes that are not undone.
func (r RevisionRepairs) Active() []RepairChange {
	var out []RepairChange
	for _, c := range r.Changes {
		if !c.Undone {
			out = append(out, c)
		}
	}
	return out
}

// DiffPart is a run of a repaired text for the editor's highlighted view: unchanged text, or one
// change with what was there before.
type DiffPart struct {
	Text     string `json:"text"`             // as the article now reads
	Before   string `json:"before,omitempty"` // a change: the text as it arrived
	ChangeID int64  `json:"change_id,omitempty"`
	Rule     string `json:"rule,omitempty"`
	Changed  bool   `json:"changed"`
}

// RepairUndo undoes some of a revision's repairs: Doc and Segments are the revision's text
// re-prepared with the remaining changes applied (repair.Apply), Version the repair version the
// caller read them at.
type RepairUndo struct {
	ArticleID  int64
	RevisionID int64
	Version    int
	ChangeIDs  []int64
	Doc        Document
	Segments   []Segment
	Actor      string
}
