package checks

import (
	"io"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/pipeline"
)

// MaxXLIFFSize is the largest XLIFF file ReadXLIFF reads, in bytes.
const MaxXLIFFSize = interchange.MaxXLIFFSize

// XLIFFUnit is one translatable segment of an XLIFF file. Inline markup is flattened to text
// with placeholders: standalone codes (<x/>, <ph/>, <bx/>, <ex/>, <sc/>, <ec/>) become ⟨id⟩, paired
// codes (<g>, <pc>) become ⟨id⟩…⟨/id⟩, and the native code inside <ph>, <bpt>, <ept> and <it> is
// dropped; annotations (<mrk>) keep only their text. The markup check then compares the
// placeholders like any other.
type XLIFFUnit struct {
	ID        string // trans-unit id (1.2) or unit id (2.x), with "/segment id" when a unit has several
	Source    string
	Target    string
	HasTarget bool // false when the file has no target element for the unit
}

// ErrXLIFF is wrapped by every error ReadXLIFF returns for a file it refuses or cannot read.
var ErrXLIFF = interchange.ErrXLIFF

// ReadXLIFF reads an XLIFF 1.2 or 2.x file with the reader of the interchange package (which
// refuses DOCTYPEs and entities, oversized input and deep nesting) and returns its units,
// flattened, with the languages of the file, which must be languages Tilmash publishes in.
func ReadXLIFF(r io.Reader) ([]XLIFFUnit, pipeline.Lang, pipeline.Lang, error) {
	f, err := interchange.ReadXLIFF(r)
	if err != nil {
		return nil, "", "", err
	}
	src, tgt, err := f.Langs()
	if err != nil {
		return nil, "", "", err
	}
	units := make([]XLIFFUnit, len(f.Units))
	for i, u := range f.Units {
		units[i] = XLIFFUnit{ID: u.ID, Source: u.Source.Flat(), Target: u.Target.Flat(), HasTarget: u.HasTarget}
	}
	return units, src, tgt, nil
}
