package newsroom

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	_ "time/tzdata" // the zones editors schedule in must load on hosts without a zoneinfo database

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// A release time comes from a datetime-local input, which has no zone: the editor picks the zone
// next to it, the newsroom's own (kit.Base.Zone, TILMASH_TIME_ZONE) unless they choose another.
// The zone they last scheduled in is remembered in a cookie and becomes the default, and every
// time the newsroom shows is written in that zone with its offset, so that what an editor reads
// is what they would type.

// zoneCookie remembers the editor's scheduling zone.
const zoneCookie = "tilmash_newsroom_tz"

// graceForPast is how far in the past a chosen time may be and still mean "now": the input has
// minute precision, so the current minute has already begun when it is typed.
const graceForPast = time.Minute

// newsroomZones are the zones an editor may schedule in, with their message IDs: UTC, the
// newsroom's home and its readers' capitals, and the usual news centres.
var newsroomZones = []struct{ ID, MessageID string }{
	{"UTC", "newsroom.zone.utc"},
	{"Asia/Almaty", "newsroom.zone.almaty"},
	{"Asia/Tashkent", "newsroom.zone.tashkent"},
	{"Asia/Bishkek", "newsroom.zone.bishkek"},
	{"Europe/Moscow", "newsroom.zone.moscow"},
	{"Asia/Shanghai", "newsroom.zone.shanghai"},
	{"Europe/London", "newsroom.zone.london"},
	{"Europe/Brussels", "newsroom.zone.brussels"},
	{"America/New_York", "newsroom.zone.new_york"},
}

// zoneOption is one entry of the zone picker.
type zoneOption struct {
	ID       string
	Label    string
	Selected bool
}

// loadZone returns a zone of the picker or the newsroom's own zone, refusing any other.
func (h *Handler) loadZone(id string) (*time.Location, error) {
	if home := h.TimeZone(); id == home.String() {
		return home, nil
	}
	for _, z := range newsroomZones {
		if z.ID == id {
			loc, err := time.LoadLocation(id)
			if err != nil {
				return nil, fmt.Errorf("load zone %s: %w", id, err)
			}
			return loc, nil
		}
	}
	return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.zone_unknown", Data: map[string]any{"Zone": id}}
}

// editorZone is the zone the editor last scheduled in, or the newsroom's.
func (h *Handler) editorZone(r *http.Request) *time.Location {
	if c, err := r.Cookie(zoneCookie); err == nil {
		if loc, err := h.loadZone(c.Value); err == nil {
			return loc
		}
	}
	return h.TimeZone()
}

// zoneOptions lists the picker's zones in loc's language with their current offsets, the editor's
// zone selected. The newsroom's own zone comes first, named as such when the list lacks it.
func (h *Handler) zoneOptions(loc *kit.Localizer, current *time.Location) []zoneOption {
	now := time.Now()
	out := make([]zoneOption, 0, len(newsroomZones)+1)
	home := h.TimeZone()
	listed := false
	for _, z := range newsroomZones {
		listed = listed || z.ID == home.String()
	}
	if !listed {
		out = append(out, zoneOption{ID: home.String(), Selected: home.String() == current.String(),
			Label: loc.T("live.zone.newsroom", nil) + " (" + utcOffset(now.In(home)) + ")"})
	}
	for _, z := range newsroomZones {
		label := loc.T(z.MessageID, nil)
		if z.ID != "UTC" {
			if zl, err := time.LoadLocation(z.ID); err == nil {
				label += " (" + utcOffset(now.In(zl)) + ")"
			}
		}
		out = append(out, zoneOption{ID: z.ID, Label: label, Selected: z.ID == current.String()})
	}
	return out
}

// utcOffset writes a time's offset as UTC, UTC+05:00 or UTC-04:00.
func utcOffset(t time.Time) string {
	_, off := t.Zone()
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	return fmt.Sprintf("UTC%s%02d:%02d", sign, off/3600, off%3600/60)
}

// formatWhen writes an instant in the editor's zone and language, with the offset, to the second
// when seconds matter.
func formatWhen(t time.Time, zone *time.Location, lang pipeline.Lang) string {
	t = t.In(zone)
	clock := t.Format("15:04")
	if t.Second() != 0 {
		clock = t.Format("15:04:05")
	}
	return kit.FormatDate(t, lang) + ", " + clock + " " + utcOffset(t)
}

// inputValue is an instant as a datetime-local input in zone shows it.
func inputValue(t time.Time, zone *time.Location) string {
	return t.In(zone).Format("2006-01-02T15:04:05")
}

// schedule is a release time read from a form.
type schedule struct {
	At   *time.Time // nil: at once
	Zone *time.Location
}

// parseSchedule reads the form's when (now or later), publish_at and tz fields. A time more than
// a minute in the past is refused rather than silently published at once, and so is one more
// than ten years ahead (see checkPublishAt).
func (h *Handler) parseSchedule(r *http.Request, now time.Time) (schedule, error) {
	var sc schedule
	zone, err := h.loadZone(strings.TrimSpace(r.PostFormValue("tz")))
	if err != nil {
		return sc, err
	}
	sc.Zone = zone
	switch r.PostFormValue("when") {
	case "now":
		return sc, nil
	case "later":
	default:
		return sc, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.when_required"}
	}
	raw := strings.TrimSpace(r.PostFormValue("publish_at"))
	if raw == "" {
		return sc, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.time_required"}
	}
	var at time.Time
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05.000"} {
		if at, err = time.ParseInLocation(layout, raw, zone); err == nil {
			break
		}
	}
	if err != nil || at.Year() < 2000 || at.Year() > 9999 {
		return sc, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.time_invalid",
			Data: map[string]any{"Value": raw}, Err: err}
	}
	if err := kit.CheckPublishAt(at, now, raw+" "+utcOffset(at)); err != nil {
		return sc, err
	}
	if at.Before(now.Add(-graceForPast)) {
		return sc, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.time_past",
			Data: map[string]any{"Time": raw + " " + utcOffset(at)}}
	}
	at = at.UTC()
	sc.At = &at
	return sc, nil
}

// rememberZone keeps the zone the editor scheduled in as their default.
func (h *Handler) rememberZone(w http.ResponseWriter, r *http.Request, zone *time.Location) {
	http.SetCookie(w, &http.Cookie{Name: zoneCookie, Value: zone.String(), Path: newsroomBase, MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: h.SecureCookies(r)})
}
