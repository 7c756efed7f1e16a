FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/tilmash ./cmd/tilmash

FROM debian:bookworm-slim
# The spelling check's dictionaries (without them it is off and the other checks run).
RUN apt-get update && apt-get install -y --no-install-recommends hunspell-en-us hunspell-en-gb hunspell-ru hunspell-kk \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app tilmash && mkdir -p /app && chown tilmash /app
COPY --from=build /out/tilmash /usr/local/bin/tilmash
COPY samples /app/samples
WORKDIR /app
USER tilmash
EXPOSE 8080
ENV TILMASH_ADDR=0.0.0.0:8080
CMD ["tilmash", "serve"]
