package web

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// interchangeStore is what exchanging files with CAT tools and other systems needs from
// storage: editions as XLIFF, the memory as TMX (the termbase's TBX uses termStore).
type interchangeStore interface {
	interchange.EditionStore
	interchange.MemoryStore
	FindMemoryImports(ctx context.Context) ([]pipeline.MemoryImport, error)
	DeleteMemoryImport(ctx context.Context, id int64) (pipeline.MemoryImport, error)
}

// interchangeLocalize renders interchange messages in lang.
func (s *Server) interchangeLocalize(lang pipeline.Lang) interchange.Localize {
	loc := s.Localizer(lang)
	return func(id string, data map[string]any) string { return loc.T(id, data) }
}

// writeXLIFF answers with an edition as XLIFF of the version the query asks for (?version=1.2 or
// 2.1, the default), as a download.
func (s *Server) writeXLIFF(w http.ResponseWriter, r *http.Request, articleID int64, lang, uiLang pipeline.Lang) error {
	version, err := interchange.ParseXLIFFVersion(r.URL.Query().Get("version"))
	if err != nil {
		return err
	}
	f, err := interchange.LoadEdition(r.Context(), s.cfg.Store, articleID, lang,
		interchange.ExportOptions{Version: version, Localize: s.InterchangeLocalize(uiLang)})
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

// handleXLIFFExport is GET /api/v1/articles/{id}/editions/{lang}/xliff?version=1.2|2.1.
func (s *Server) handleXLIFFExport(w http.ResponseWriter, r *http.Request) {
	c, err := s.editionFromPath(r)
	if err == nil {
		err = s.WriteXLIFF(w, r, s.cfg.Store, c.Article.ID, c.Edition.Lang, kit.AcceptLang(r))
	}
	if err != nil {
		s.WriteError(w, r, err)
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
func (s *Server) handleXLIFFImport(w http.ResponseWriter, r *http.Request) {
	c, err := s.editionFromPath(r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	body, _, err := uploadedFile(r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	f, err := interchange.ReadXLIFF(body)
	if err != nil {
		s.WriteError(w, r, interchange.ReadError(err))
		return
	}
	rep, err := interchange.ImportEdition(r.Context(), s.cfg.Store, c.Article.ID, c.Edition.Lang, f,
		interchange.ImportOptions{User: kit.User(r).Name, Check: s.cfg.Check})
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	rep.Localize(s.InterchangeLocalize(kit.AcceptLang(r)))
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
func (s *Server) handleMemoryExport(w http.ResponseWriter, r *http.Request) {
	f, err := memoryFilter(r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	tags, err := interchange.ParseTags(r.URL.Query().Get("tags"))
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-tmx+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="tilmash-memory.tmx"`)
	if err := interchange.ExportTMX(r.Context(), s.cfg.Store, w, f, tags); err != nil {
		// The answer has started: the broken file is what the client gets, and the log says why.
		s.Logger.ErrorContext(r.Context(), "memory export failed", "error", err)
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
func (s *Server) handleMemoryImport(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		s.WriteError(w, r, kit.ErrForbidden)
		return
	}
	tags, err := interchange.ParseTags(r.URL.Query().Get("tags"))
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	body, name, err := uploadedFile(r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	imp := pipeline.MemoryImport{FileName: name, CreatedBy: kit.User(r).Name}
	if err := interchange.ImportTMX(r.Context(), s.cfg.Store, body, &imp, tags); err != nil {
		s.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusCreated, toMemoryImportJSON(imp))
}

// handleMemoryImportList is GET /api/v1/tm/imports.
func (s *Server) handleMemoryImportList(w http.ResponseWriter, r *http.Request) {
	list, err := s.cfg.Store.FindMemoryImports(r.Context())
	if err != nil {
		s.WriteError(w, r, err)
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
func (s *Server) handleMemoryImportDelete(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		s.WriteError(w, r, kit.ErrForbidden)
		return
	}
	id, err := strconv.ParseInt(chi.URLParam(r, "import"), 10, 64)
	if err != nil || id <= 0 {
		s.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"})
		return
	}
	m, err := s.cfg.Store.DeleteMemoryImport(r.Context(), id)
	if err != nil {
		s.WriteError(w, r, err)
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
func (s *Server) handleTermListTBX(w http.ResponseWriter, r *http.Request, cs []pipeline.Concept) {
	dialect, err := interchange.ParseTBXDialect(r.URL.Query().Get("dialect"))
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := interchange.WriteTBX(&buf, cs, dialect); err != nil {
		s.WriteError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/x-tbx+xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="termbase.tbx"`)
	w.Write(buf.Bytes()) //nolint:errcheck
}

// handleTermImportTBX answers POST /api/v1/terms/import with a TBX file (?format=tbx or an XML
// body; ?assume_lang=kk names the language of terms the file leaves unsaid). All or nothing, as
// the CSV.
func (s *Server) handleTermImportTBX(w http.ResponseWriter, r *http.Request) {
	var opts interchange.TBXOptions
	if v := r.URL.Query().Get("assume_lang"); v != "" {
		l, err := pipeline.ParseLang(v)
		if err != nil {
			s.WriteError(w, r, err)
			return
		}
		opts.Assume = l
	}
	body, _, err := uploadedFile(r)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	res, err := interchange.ReadTBX(body, opts)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	created, updated, err := s.cfg.Store.ImportConcepts(r.Context(), res.Concepts)
	if err != nil {
		s.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]int{"created": created, "updated": updated, "skipped": res.Skipped, "dropped_terms": res.Dropped})
}

// handleWorkbenchXLIFF is the editor's download link: GET /workbench/editions/{edition}/xliff.
func (s *Server) handleWorkbenchXLIFF(w http.ResponseWriter, r *http.Request) {
	e, err := s.editionParam(r)
	if err == nil {
		err = s.WriteXLIFF(w, r, s.cfg.Store, e.ArticleID, e.Lang, kit.UILang(r))
	}
	if err != nil {
		s.PageError(w, r, err)
	}
}

// handleNewsroomXLIFF is the review page's download link:
// GET /workbench/newsroom/articles/{article}/editions/{lang}/xliff.
func (s *Server) handleNewsroomXLIFF(w http.ResponseWriter, r *http.Request) {
	a, err := s.newsroomArticle(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	lang, err := newsroomLang(r)
	if err == nil {
		err = s.WriteXLIFF(w, r, s.cfg.Store, a.ID, lang, kit.UILang(r))
	}
	if err != nil {
		s.PageError(w, r, err)
	}
}
