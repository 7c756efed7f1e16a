# The two commands a newcomer needs are `make demo` and `make test`.

.PHONY: demo test build bench

demo:
	go run ./cmd/tilmash demo

# Tests use DATABASE_URL's server when set (they create and drop databases of their own there),
# and a private PostgreSQL from the machine's binaries otherwise.
test:
	go test -race -timeout 20m ./...
	# Allocation counts are only meaningful without the race detector, and scoring the
	# evaluation corpora tests no concurrency: both run without it.
	go test -count=1 -run 'TestCheckMemoryLinear' ./internal/checks/
	go test -count=1 -run 'TestTuneGoals' ./internal/eval/

build:
	go build -o tilmash ./cmd/tilmash

bench:
	go test -run '^$$' -bench . -benchtime 3x ./cmd/tilmash/
