package kit

import (
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// ReadArticleFile reads the article file of a submitted form (field "file"), for the API's
// upload and the newsroom's form alike: at most the file limit for a text limit of maxBodyBytes
// (ingest.MaxFileBytes), and no more than that is ever read. ok is false when the form has no
// file or an empty one (a browser sends an empty part when none was chosen). The form must have
// been parsed (GuardInput does it at the door; ParseArticleForm otherwise).
func ReadArticleFile(r *http.Request, maxBodyBytes int) (data []byte, name string, ok bool, err error) {
	limit := int64(ingest.MaxFileBytes(maxBodyBytes))
	if r.MultipartForm == nil || r.MultipartForm.File == nil {
		return nil, "", false, nil // a url-encoded form has no file
	}
	file, header, err := r.FormFile("file")
	if err == http.ErrMissingFile {
		return nil, "", false, nil
	}
	if err != nil {
		return nil, "", false, UploadError(err, limit)
	}
	defer file.Close()
	if header.Size > limit {
		return nil, "", false, TooLarge(limit)
	}
	if header.Size == 0 {
		return nil, header.Filename, false, nil
	}
	data, err = io.ReadAll(io.LimitReader(file, limit+1))
	if err != nil {
		return nil, "", false, UploadError(err, limit)
	}
	if int64(len(data)) > limit {
		return nil, "", false, TooLarge(limit)
	}
	return data, header.Filename, true, nil
}

// ParseArticleForm reads a multipart article form within the file limit for maxBodyBytes, when
// nothing has read it yet; the caller removes its temporary files with CleanArticleForm.
func ParseArticleForm(w http.ResponseWriter, r *http.Request, maxBodyBytes int) error {
	if r.MultipartForm != nil {
		return nil
	}
	limit := int64(ingest.MaxFileBytes(maxBodyBytes))
	r.Body = http.MaxBytesReader(w, r.Body, limit+256<<10)
	// Fields and the file are kept in memory up to the limit; the multipart reader spills the
	// rest to temporary files, which CleanArticleForm deletes.
	if err := r.ParseMultipartForm(limit + 256<<10); err != nil {
		if errors.Is(err, http.ErrNotMultipart) {
			return nil // a url-encoded form: its fields are in r.PostForm
		}
		return UploadError(err, limit)
	}
	return nil
}

// CleanArticleForm removes the temporary files of a parsed multipart form.
func CleanArticleForm(f *multipart.Form) {
	if f != nil {
		f.RemoveAll() //nolint:errcheck // temporary files only
	}
}

// ArticleFormat reads an optional declared format ("" detects it from the content).
func ArticleFormat(v string) (pipeline.Format, error) {
	if v == "" {
		return "", nil
	}
	return pipeline.ParseFormat(v)
}
