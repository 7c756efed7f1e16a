package newsroom

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// The newsroom's pages follow the editions while they are open. Each page carries a stamp of what
// it shows (the editions' states and progress, and on the article page the releases); every few
// seconds (kit.Base.LiveEvery) its script asks the live answer for the stamp now, and when it
// differs reads the page again and puts its changed parts in place. The answer is small and read
// from the database, so it works whichever serve process answers.

// liveEditionJSON is one edition in the live answer.
type liveEditionJSON struct {
	ArticleID int64                 `json:"article_id"`
	Lang      pipeline.Lang         `json:"lang"`
	State     pipeline.EditionState `json:"state"`
	Confirmed int                   `json:"confirmed"`
	Drafted   int                   `json:"drafted"`
	Total     int                   `json:"total"`
}

type liveJSON struct {
	Stamp    string            `json:"stamp"`
	Editions []liveEditionJSON `json:"editions"`
}

// handleLive answers the stamp of what a page shows, and the editions behind it: with ?article
// and ?lang, one edition (the review page); with ?article alone, the article's editions and
// releases (the article page); otherwise the board with the board's filters and page.
func (h *Handler) handleLive(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var eds []pipeline.Edition
	var stamp string
	switch {
	case q.Get("article") != "":
		id, err := strconv.ParseInt(q.Get("article"), 10, 64)
		if err != nil || id <= 0 {
			h.WriteError(w, r, kit.ErrNotFound)
			return
		}
		if l := q.Get("lang"); l != "" {
			lang := pipeline.Lang(l)
			if !lang.Valid() {
				h.WriteError(w, r, kit.ErrNotFound)
				return
			}
			all, err := h.store.FindEditions(r.Context(), id)
			if err != nil {
				h.WriteError(w, r, err)
				return
			}
			for _, e := range all {
				if e.Lang == lang {
					eds = []pipeline.Edition{e}
					stamp = reviewStamp(e)
				}
			}
			if eds == nil {
				h.WriteError(w, r, kit.ErrNotFound)
				return
			}
			break
		}
		if eds, err = h.store.FindEditions(r.Context(), id); err != nil {
			h.WriteError(w, r, err)
			return
		}
		rels, err := h.store.FindReleases(r.Context(), id)
		if err != nil {
			h.WriteError(w, r, err)
			return
		}
		stamp = articleStamp(eds, rels)
	default:
		search, page, err := h.readBoardFilter(r)
		if err != nil {
			h.WriteError(w, r, err)
			return
		}
		articles, byArticle, total, err := h.store.FindBoard(r.Context(), search.Filter, boardPageSize, (page-1)*boardPageSize)
		if err != nil {
			h.WriteError(w, r, err)
			return
		}
		for _, a := range articles {
			eds = append(eds, byArticle[a.ID]...)
		}
		stamp = boardStamp(articles, byArticle, total)
	}
	out := liveJSON{Stamp: stamp, Editions: make([]liveEditionJSON, 0, len(eds))}
	for _, e := range eds {
		out.Editions = append(out.Editions, liveEditionJSON{ArticleID: e.ArticleID, Lang: e.Lang, State: e.State,
			Confirmed: e.Confirmed, Drafted: e.Drafted, Total: e.Segments})
	}
	w.Header().Set("Cache-Control", "no-store")
	kit.WriteJSON(w, http.StatusOK, out)
}

// livePage is what a newsroom page gives its script to follow it.
type livePage struct {
	URL   string // the live answer for this page
	Stamp string // what the page shows, as the live answer stamps it
}

// boardStamp stamps a page of the board: its articles in order, their editions and the count.
func boardStamp(articles []pipeline.Article, editions map[int64][]pipeline.Edition, total int) string {
	h := fnv.New64a()
	writeInts(h, int64(total))
	for _, a := range articles {
		writeInts(h, a.ID)
		for _, e := range editions[a.ID] {
			stampEdition(h, e)
		}
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// articleStamp stamps an article page: its editions and its releases.
func articleStamp(eds []pipeline.Edition, rels []pipeline.Release) string {
	h := fnv.New64a()
	for _, e := range eds {
		stampEdition(h, e)
	}
	for _, r := range rels {
		writeInts(h, r.ID, int64(r.Schedule), unixOf(r.PublishAt), unixOf(r.PublishedAt), int64(len(r.Skipped)))
		h.Write([]byte(r.State))
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// reviewStamp stamps a review page: its edition.
func reviewStamp(e pipeline.Edition) string {
	h := fnv.New64a()
	stampEdition(h, e)
	return strconv.FormatUint(h.Sum64(), 36)
}

// stampEdition writes what a page shows of an edition: its state and why, its progress, its
// release time and what readers see.
func stampEdition(h hash.Hash64, e pipeline.Edition) {
	var live int64
	if e.LiveVersionID != nil {
		live = *e.LiveVersionID
	}
	writeInts(h, e.ID, e.Release, e.Run, int64(e.Segments), int64(e.Confirmed), int64(e.Drafted), int64(e.Findings),
		int64(e.Machine), int64(e.MachineConfirmed), int64(e.Pseudo), unixOf(e.PublishAt), live)
	h.Write([]byte(string(e.State) + "|" + e.FailureReason + "|"))
}

func writeInts(h hash.Hash64, ns ...int64) {
	var b [8]byte
	for _, n := range ns {
		binary.LittleEndian.PutUint64(b[:], uint64(n))
		h.Write(b[:])
	}
}

func unixOf(t *time.Time) int64 {
	if t == nil {
		return 0
	}
	return t.UnixNano()
}

// liveURL is the live answer's address for a page at path with query.
func liveURL(query string) string {
	if query = strings.TrimPrefix(query, "?"); query == "" {
		return newsroomBase + "/live"
	}
	return newsroomBase + "/live?" + query
}
