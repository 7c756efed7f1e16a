package pipeline

import (
	"fmt"
	"strings"
	"time"
)

// Approval is an editor's decision to release editions to readers.
type Approval struct {
	Actor     string
	PublishAt *time.Time // nil: at once
	// AcceptMachineText is the editor's explicit choice to publish machine translation that no
	// person changed; without it such an edition is refused.
	AcceptMachineText bool
}

// OriginKind is where a segment translation's text comes from, as editors see it.
type OriginKind string

const (
	KindNone    OriginKind = "none"    // no text yet
	KindHuman   OriginKind = "human"   // written or changed by a person
	KindMemory  OriginKind = "memory"  // from the translation memory, no person changed it
	KindMachine OriginKind = "machine" // from machine translation, no person changed it
)

// Pseudo-translation markers. The pseudo provider wraps every text in them so that its output is
// recognisable wherever it ends up; text that carries them is never real translation.
const (
	PseudoOpen  = "⟦"
	PseudoClose = "⟧"
	// OriginPseudo is the origin of the pseudo provider's drafts.
	OriginPseudo = "mt:pseudo"
)

// PseudoFiller is the filler the pseudo provider pads a text of lang with, up to the length a
// real translation would take: letters of the target's script that stand out.
func PseudoFiller(lang Lang) string {
	switch lang {
	case Russian:
		return "жщыэюя"
	case Kazakh:
		return "әіңғүұқөһ"
	case Chinese:
		return "测试文字"
	}
	return "åéîõü"
}

// PseudoBody returns what a pseudo-translation says, without its dress: the language tag, the
// markers and the padding ("[kk] ⟦Һеллө.  әіңғ⟧" gives "Һеллө."), with the white space around it
// kept. The checks read this, so that a pseudo-translation is judged on what it carries over from
// the source (numbers, placeholders, markup, punctuation) and not on the wrapping every
// pseudo-translation has. A text without both markers is returned as it is, with false.
func PseudoBody(text string) (string, bool) {
	open := strings.Index(text, PseudoOpen)
	end := strings.LastIndex(text, PseudoClose)
	if open < 0 || end < open+len(PseudoOpen) {
		return text, false
	}
	head := text[:open]
	if strings.HasSuffix(head, "] ") {
		if k := strings.LastIndexByte(head, '['); k >= 0 {
			head = head[:k]
		}
	}
	body := text[open+len(PseudoOpen) : end]
	if k := strings.LastIndexByte(body, ' '); k >= 0 && k+1 < len(body) && isPseudoFiller(body[k+1:]) {
		body = body[:k]
	}
	return head + body + text[end+len(PseudoClose):], true
}

func isPseudoFiller(s string) bool {
	all := PseudoFiller(English) + PseudoFiller(Russian) + PseudoFiller(Kazakh) + PseudoFiller(Chinese)
	for _, r := range s {
		if !strings.ContainsRune(all, r) {
			return false
		}
	}
	return true
}

// KindOf classifies an origin. A person who confirms a machine draft without changing it keeps
// the machine origin (see SavedOrigin), so a confirmed segment can still be machine text.
func KindOf(origin string) OriginKind {
	switch {
	case origin == OriginHuman:
		return KindHuman
	case strings.HasPrefix(origin, "mt:"):
		return KindMachine
	case strings.HasPrefix(origin, "tm:"):
		return KindMemory
	}
	return KindNone
}

// IsPseudo reports whether a translation is pseudo-translation output: a pseudo draft, or a text
// that still carries the pseudo markers after a person's edit.
func IsPseudo(t SegmentTranslation) bool {
	return t.Origin == OriginPseudo || (strings.Contains(t.Text, PseudoOpen) && strings.Contains(t.Text, PseudoClose))
}

// Provenance counts an edition's segments by where their text comes from.
type Provenance struct {
	Human            int
	Memory           int
	Machine          int // machine text no person changed, confirmed or not
	MachineConfirmed int // of Machine, how many a person confirmed unchanged
	Empty            int
	Pseudo           int // pseudo-translation output, which must never reach readers
}

// ProvenanceOf counts the translations of an edition.
func ProvenanceOf(ts map[int64]SegmentTranslation) Provenance {
	var p Provenance
	for _, t := range ts {
		p.Add(t)
	}
	return p
}

// Add counts one translation.
func (p *Provenance) Add(t SegmentTranslation) {
	if IsPseudo(t) {
		p.Pseudo++
	}
	if strings.TrimSpace(t.Text) == "" {
		p.Empty++
		return
	}
	switch KindOf(t.Origin) {
	case KindHuman:
		p.Human++
	case KindMemory:
		p.Memory++
	case KindMachine:
		p.Machine++
		if t.State == SegmentConfirmed {
			p.MachineConfirmed++
		}
	default:
		p.Human++ // text with no recorded origin was put there by a person (older data)
	}
}

// CheckSubmittable refuses to send pseudo-translation to the editors.
func (p Provenance) CheckSubmittable() error {
	if p.Pseudo > 0 {
		return &Error{Code: CodeIllegalState, MessageID: "error.pseudo_text", Data: map[string]any{"Count": p.Pseudo},
			Err: fmt.Errorf("%d segments are pseudo-translation", p.Pseudo)}
	}
	return nil
}

// CheckApprovable says whether an edition with this provenance may be approved for readers.
// Pseudo-translation never may. Machine text that no person changed may only when the editor
// chose to publish it (acceptMachine), a choice the audit trail records.
func (p Provenance) CheckApprovable(acceptMachine bool) error {
	if err := p.CheckSubmittable(); err != nil {
		return err
	}
	if p.Machine > 0 && !acceptMachine {
		return &Error{Code: CodeIllegalState, MessageID: "error.machine_text_unaccepted", Data: map[string]any{"Count": p.Machine},
			Err: fmt.Errorf("%d segments are unedited machine translation; approving them must be explicit", p.Machine)}
	}
	return nil
}
