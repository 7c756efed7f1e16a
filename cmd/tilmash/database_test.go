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
		{"postgres:///db?host=/var/run/postgresql", "", false},
		{"postgres://u@%2Fvar%2Frun%2Fpostgresql/db", "", false},
		{"postgres://u@/db", "", false}, // no host: pgx picks the local socket or localhost
		{"host=/tmp,127.0.0.1 dbname=db", "", false},
		{"postgres://u@127.0.0.1,db.example.org/db", "", true}, // the remote host keeps its TLS attempt
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
		cc := pcfg.ConnConfig
		tls := cc.TLSConfig != nil
		type attempt struct {
			host string
			port uint16
			tls  bool
		}
		seen := map[attempt]bool{{cc.Host, cc.Port, cc.TLSConfig != nil}: true}
		for _, f := range cc.Fallbacks {
			tls = tls || f.TLSConfig != nil
			a := attempt{f.Host, f.Port, f.TLSConfig != nil}
			if seen[a] {
				t.Errorf("%s: %s:%d (TLS %v) is tried twice", c.url, a.host, a.port, a.tls)
			}
			seen[a] = true
		}
		if tls != c.tls {
			t.Errorf("%s (PGSSLMODE=%q): TLS tried = %v, want %v", c.url, c.pgsslmode, tls, c.tls)
		}
	}
}
