package kit

import (
	"bytes"
	"net/http"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/pipeline"
)

// InterchangeLocalize renders interchange messages in lang.
func (b *Base) InterchangeLocalize(lang pipeline.Lang) interchange.Localize {
	loc := b.Localizer(lang)
	return func(id string, data map[string]any) string { return loc.T(id, data) }
}

// WriteXLIFF answers with an edition as XLIFF of the version the query asks for (?version=1.2 or
// 2.1, the default), as a download, its notes in uiLang. The API, the workbench and the newsroom
// offer the same file.
func (b *Base) WriteXLIFF(w http.ResponseWriter, r *http.Request, store interchange.EditionStore, articleID int64,
	lang, uiLang pipeline.Lang) error {
	version, err := interchange.ParseXLIFFVersion(r.URL.Query().Get("version"))
	if err != nil {
		return err
	}
	f, err := interchange.LoadEdition(r.Context(), store, articleID, lang,
		interchange.ExportOptions{Version: version, Localize: b.InterchangeLocalize(uiLang)})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.WriteXLIFF(&buf, version); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/xliff+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+interchange.FileName(f.Article, lang, version)+`"`)
	w.Write(buf.Bytes()) //nolint:errcheck // the client went away
	return nil
}
