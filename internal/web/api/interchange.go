package api

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleXLIFFExport is GET /api/v1/articles/{id}/editions/{lang}/xliff?version=1.2|2.1.
func (h *Handler) handleXLIFFExport(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err == nil {
		err = h.WriteXLIFF(w, r, h.store, c.Article.ID, c.Edition.Lang, kit.AcceptLang(r))
	}
	if err != nil {
		h.WriteError(w, r, err)
	}
}

// uploadedFile returns the file a request sends: the multipart field "file", or the raw body.
func uploadedFile(r *http.Request) (io.Reader, string, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		if r.MultipartForm == nil {
			if err := r.ParseMultipartForm(kit.MaxFormBytes); err != nil {
				return nil, "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.form_invalid", Err: err}
			}
		}
		f, h, err := r.FormFile("file")
		if err != nil {
			return nil, "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
				Data: map[string]any{"Field": "file"}, Err: err}
		}
		return f, h.Filename, nil
	}
	if r.Body == nil || r.Body == http.NoBody {
		return nil, "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "file"}}
	}
	return r.Body, r.URL.Query().Get("name"), nil
}

// handleXLIFFImport is POST /api/v1/articles/{id}/editions/{lang}/xliff: a translated XLIFF file
// (multipart "file" or the raw body) applied unit by unit, with a JSON report.
func (h *Handler) handleXLIFFImport(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	body, _, err := uploadedFile(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	f, err := interchange.ReadXLIFF(body)
	if err != nil {
		h.WriteError(w, r, interchange.ReadError(err))
		return
	}
	rep, err := interchange.ImportEdition(r.Context(), h.store, c.Article.ID, c.Edition.Lang, f,
		interchange.ImportOptions{User: kit.User(r).Name, Check: h.check})
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rep.Localize(h.InterchangeLocalize(kit.AcceptLang(r)))
	kit.WriteJSON(w, http.StatusOK, rep)
}

// memoryFilter reads ?source_lang, ?target_lang and ?import.
func memoryFilter(r *http.Request) (pipeline.MemoryFilter, error) {
	var f pipeline.MemoryFilter
	q := r.URL.Query()
	for _, p := range []struct {
		name string
		into *pipeline.Lang
	}{{"source_lang", &f.SourceLang}, {"target_lang", &f.TargetLang}} {
		if v := q.Get(p.name); v != "" {
			l, err := pipeline.ParseLang(v)
			if err != nil {
				return f, err
			}
			*p.into = l
		}
	}
	if v := q.Get("import"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return f, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.import_id", Data: map[string]any{"ID": v}}
		}
		f.ImportID = id
	}
	return f, nil
}

// handleMemoryExport is GET /api/v1/tm/export: the memory as TMX 1.4b, streamed
// (?source_lang, ?target_lang, ?import, ?tags=tmx|omegat).
func (h *Handler) handleMemoryExport(w http.ResponseWriter, r *http.Request) {
	f, err := memoryFilter(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	tags, err := interchange.ParseTags(r.URL.Query().Get("tags"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-tmx+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="tilmash-memory.tmx"`)
	if err := interchange.ExportTMX(r.Context(), h.store, w, f, tags); err != nil {
		// The answer has started: the broken file is what the client gets, and the log says why.
		h.Logger.ErrorContext(r.Context(), "memory export failed", "error", err)
	}
}

type memoryImportJSON struct {
	ID        int64  `json:"id"`
	FileName  string `json:"file_name"`
	CreatedBy string `json:"created_by"`
	CreatedAt string `json:"created_at"`
	Units     int    `json:"units"`
	Entries   int    `json:"entries"`
	Skipped   int    `json:"skipped"`
}

func toMemoryImportJSON(m pipeline.MemoryImport) memoryImportJSON {
	return memoryImportJSON{ID: m.ID, FileName: m.FileName, CreatedBy: m.CreatedBy,
		CreatedAt: m.CreatedAt.UTC().Format("2006-01-02T15:04:05Z"), Units: m.Units, Entries: m.Entries, Skipped: m.Skipped}
}

// handleMemoryImport is POST /api/v1/tm/import: a TMX file (multipart "file" or the raw body,
// ?tags=omegat for OmegaT's tags) added to the memory as one batch. Editors only.
func (h *Handler) handleMemoryImport(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	tags, err := interchange.ParseTags(r.URL.Query().Get("tags"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	body, name, err := uploadedFile(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	imp := pipeline.MemoryImport{FileName: name, CreatedBy: kit.User(r).Name}
	if err := interchange.ImportTMX(r.Context(), h.store, body, &imp, tags); err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, toMemoryImportJSON(imp))
}

// handleMemoryImportList is GET /api/v1/tm/imports.
func (h *Handler) handleMemoryImportList(w http.ResponseWriter, r *http.Request) {
	list, err := h.store.FindMemoryImports(r.Context())
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	out := make([]memoryImportJSON, len(list))
	for i, m := range list {
		out[i] = toMemoryImportJSON(m)
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"imports": out})
}

// handleMemoryImportDelete is DELETE /api/v1/tm/imports/{import}: the batch and its entries go.
// Editors only.
func (h *Handler) handleMemoryImportDelete(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	id, err := kit.PathID(r, "import")
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	m, err := h.store.DeleteMemoryImport(r.Context(), id)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toMemoryImportJSON(m))
}

// wantsTBX reports whether a termbase request is about TBX: ?format=tbx, or an XML body.
func wantsTBX(r *http.Request) bool {
	if strings.EqualFold(r.URL.Query().Get("format"), "tbx") {
		return true
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return r.Method == http.MethodPost && (strings.HasSuffix(mt, "xml") || strings.Contains(mt, "tbx"))
}

// handleTermListTBX answers GET /api/v1/terms?format=tbx[&dialect=martif].
func (h *Handler) handleTermListTBX(w http.ResponseWriter, r *http.Request, cs []pipeline.Concept) {
	dialect, err := interchange.ParseTBXDialect(r.URL.Query().Get("dialect"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := interchange.WriteTBX(&buf, cs, dialect); err != nil {
		h.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-tbx+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="termbase.tbx"`)
	w.Write(buf.Bytes()) //nolint:errcheck // the client went away: nothing to do
}

// handleTermImportTBX answers POST /api/v1/terms/import with a TBX file (?format=tbx or an XML
// body; ?assume_lang=kk names the language of terms the file leaves unsaid). All or nothing, as
// the CSV.
func (h *Handler) handleTermImportTBX(w http.ResponseWriter, r *http.Request) {
	var opts interchange.TBXOptions
	if v := r.URL.Query().Get("assume_lang"); v != "" {
		l, err := pipeline.ParseLang(v)
		if err != nil {
			h.WriteError(w, r, err)
			return
		}
		opts.Assume = l
	}
	body, _, err := uploadedFile(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	res, err := interchange.ReadTBX(body, opts)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	created, updated, err := h.store.ImportConcepts(r.Context(), res.Concepts)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]int{"created": created, "updated": updated, "skipped": res.Skipped, "dropped_terms": res.Dropped})
}
