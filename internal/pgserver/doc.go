// Package pgserver runs a private PostgreSQL server from the machine's own
// binaries (initdb and postgres), for development, tests and single-machine
// installs that have no database to point DATABASE_URL at.
//
// The server keeps its cluster in Options.Dir/data, listens only on
// 127.0.0.1, trusts every local connection as the superuser "postgres" and
// puts its Unix socket in a private directory, never in /var/run/postgresql.
// The first Start runs initdb; later starts reuse the data.
//
// PostgreSQL refuses to run as root. When the calling process is root, the
// server processes run as the "postgres" system account (or "nobody" when
// there is none) and the data directory is handed to that account. When
// that account cannot reach Options.Dir (a directory only root may enter,
// such as /root), the server's files live under /var/lib/tilmash instead,
// in a directory of their own for each Options.Dir (see home.go).
//
// The server is a child of the calling process: it lives in its own process
// group, so a Ctrl-C in the terminal reaches the application and not the
// database, and the application decides when to call Stop. On Linux the
// server also receives a fast-shutdown signal if the application dies
// without calling Stop, so a crash does not leave the data directory locked.
package pgserver
