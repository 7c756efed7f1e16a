package pipeline

// Releases and what the public site shows: an editor releases several editions of an article
// together, now or at a chosen time; the release job renders them into immutable versions; and the
// site is always built from one consistent snapshot of the live versions, numbered by a generation
// that every change to the live set increases.

import "time"

// ReleaseState is where a release stands.
type ReleaseState string

const (
	ReleaseScheduled ReleaseState = "scheduled" // waiting for its job (at once, or at PublishAt)
	ReleasePublished ReleaseState = "published" // its editions went live
	ReleaseCancelled ReleaseState = "cancelled" // withdrawn before it ran
)

// Release is a set of editions of one article approved together to go live in one transaction.
type Release struct {
	ID        int64
	ArticleID int64
	Langs     []Lang
	// EditionIDs are the released editions, in the order of Langs.
	EditionIDs []int64
	State      ReleaseState
	PublishAt  *time.Time // nil: as soon as the job runs
	// Schedule counts changes of PublishAt; a job carries the schedule it was queued for, so a job
	// for an earlier time finds nothing to do.
	Schedule    int
	CreatedBy   string
	CreatedAt   time.Time
	PublishedAt *time.Time
	// Skipped lists the languages left out when the release ran because their edition had been
	// sent back or re-approved in the meantime.
	Skipped []Lang
}

// ReleaseJob publishes the editions of a release. Like every job it carries only identifiers.
type ReleaseJob struct {
	ReleaseID int64 `json:"release_id" river:"unique"`
	Schedule  int   `json:"schedule" river:"unique"`
}

func (ReleaseJob) Kind() string { return "release" }

// Version is one entry of an edition's publication record.
type Version struct {
	ID          int64
	Lang        Lang
	Release     int64
	RevisionID  int64
	Title       string
	ApprovedBy  string
	ApprovedAt  *time.Time
	PublishedAt time.Time
	Live        bool
}

// Live is one live edition as readers see it.
type Live struct {
	VersionID   int64
	ArticleID   int64
	Lang        Lang
	Slug        string
	Category    string
	Title       string
	Byline      string
	PublishedAt time.Time
	// Outdated is set when the source has changed since this version was published.
	Outdated bool
	// MachineText counts sentences of machine translation no person changed (see
	// PublishedVersion).
	MachineText int
	// FirstVersionID is the edition's first published version: its place in the site's archive,
	// which a later version (a revision, a rollback) does not move.
	FirstVersionID int64
}

// Snapshot is everything the public site shows at one generation. HTML bodies are not in it:
// versions are immutable, so a builder fetches the bodies it does not yet have by version ID.
type Snapshot struct {
	Generation int64
	ChangedAt  time.Time
	Live       []Live // newest first
}

// SiteChange is one step of the public site's generations: an edition switched on, off or to
// another version (Lang set), or an article's slug, category or revision changed (Lang empty,
// with the previous slug and category).
type SiteChange struct {
	Generation           int64
	ArticleID            int64
	Lang                 Lang
	WasLive, IsLive      bool
	OldSlug, OldCategory string
}

// SiteDelta is what changed on the public site after a generation, read in one snapshot with
// what those articles show now.
type SiteDelta struct {
	Generation int64
	ChangedAt  time.Time
	// Complete is false when the changes are not all on record (a database older than the
	// record, or a generation from another database): the caller rebuilds the whole site.
	Complete bool
	Changes  []SiteChange
	// Live holds the live editions of the changed articles, newest first.
	Live []Live
	// Articles holds the slug and category of every changed article that still exists.
	Articles []SiteArticle
	// FirstVersions holds, for every edition of the changed articles ever published, its first
	// published version (see Live.FirstVersionID), by article and language.
	FirstVersions map[int64]map[Lang]int64
}

// SiteArticle is an article's public name and category.
type SiteArticle struct {
	ID             int64
	Slug, Category string
}
