package main

import (
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// A server on this machine is reached without TLS unless the URL or PGSSLMODE asks for it; a
// remote one keeps pgx's default.
func TestPlainOnLoopback(t *testing.T) { // not parallel: pgx reads PGSSLMODE from the environment
	for _, c := range []struct {
		url, pgsslmode string
		tls            bool
	}{
		{"postgres://u@127.0.0.1:5432/db", "", false},
		{"postgres://u@localhost/db", "", false},
		{"postgres://u@[::1]:5432/db", "", false},
		{"host=/var/run/postgresql dbname=db", "", false},
		{"postgres://u@db.example.org/db", "", true},
		{"postgres://u@127.0.0.1/db?sslmode=require", "", true},
		{"postgres://u@127.0.0.1/db", "require", true},
	} {
		t.Setenv("PGSSLMODE", c.pgsslmode)
		pcfg, err := pgxpool.ParseConfig(c.url)
		if err != nil {
			t.Fatal(err)
		}
		plainOnLoopback(c.url, pcfg, func(k string) string {
			if k == "PGSSLMODE" {
				return c.pgsslmode
			}
			return ""
		})
		tls := pcfg.ConnConfig.TLSConfig != nil
		for _, f := range pcfg.ConnConfig.Fallbacks {
			tls = tls || f.TLSConfig != nil
		}
		if tls != c.tls {
			t.Errorf("%s (PGSSLMODE=%q): TLS tried = %v, want %v", c.url, c.pgsslmode, tls, c.tls)
		}
	}
}
