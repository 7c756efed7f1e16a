// Package mthttp holds the HTTP conventions that every machine-translation provider in Tilmash
// shares: building the http.Client, sending JSON requests, reading bounded response bodies,
// parsing Retry-After and turning HTTP outcomes into *pipeline.Error values with the provider
// message IDs (see messages.go).
//
// Everything here is careful with credentials: transport errors are rebuilt without the request
// URL's query (where some services take their key), and every text that reaches an error is
// scrubbed of the secrets the caller registered.
package mthttp
