package logging

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
)

func TestSecretsNeverReachTheOutput(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "json"} {
		var buf bytes.Buffer
		log, err := New(&buf, Options{Format: format, Level: "debug"})
		if err != nil {
			t.Fatal(err)
		}
		ctx := With(context.Background(), slog.String("request_id", "req-1"))
		log.InfoContext(ctx, "connect to postgres://app:hunter2pw@db:5432/tilmash failed",
			"password", "correct-horse", "session_token", "tok-abcdef", "DEEPL_AUTH_KEY", "dk-123:fx",
			"url", "https://user:s3cr3tpw@example.org/x?auth_key=qk-999&lang=ru",
			"error", errors.New("GET https://api.example/v2?api_key=ak-777: Authorization: Bearer bt-555"),
			"dsn", "host=db user=app password=pw-kv dbname=x", "tokens", 12)
		out := buf.String()
		for _, secret := range []string{"hunter2pw", "correct-horse", "tok-abcdef", "dk-123", "s3cr3tpw", "qk-999",
			"ak-777", "bt-555", "pw-kv"} {
			if strings.Contains(out, secret) {
				t.Errorf("%s output holds %q:\n%s", format, secret, out)
			}
		}
		for _, kept := range []string{"req-1", "db:5432/tilmash", "lang=ru", "tokens", "12"} {
			if !strings.Contains(out, kept) {
				t.Errorf("%s output lost %q:\n%s", format, kept, out)
			}
		}
		if format == "json" {
			var rec map[string]any
			if err := json.Unmarshal(buf.Bytes(), &rec); err != nil || rec["request_id"] != "req-1" {
				t.Errorf("json record %v (%v)", rec, err)
			}
		}
	}
}

func TestLevelAndContextAttributes(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	log, err := New(&buf, Options{Format: "json", Level: "warn"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := With(With(context.Background(), slog.Int64("job_id", 7)), slog.String("job_kind", "translate"))
	log.InfoContext(ctx, "quiet")
	log.With("part", "x").WarnContext(ctx, "loud")
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("%v: %s", err, buf.String())
	}
	if rec["msg"] != "loud" || rec["job_id"] != float64(7) || rec["job_kind"] != "translate" || rec["part"] != "x" {
		t.Errorf("record %v", rec)
	}
	for _, bad := range []Options{{Format: "xml"}, {Level: "loud"}} {
		if _, err := New(&buf, bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
