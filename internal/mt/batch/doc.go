// Package batch splits the texts of a translation request into the requests a service accepts
// (a number of texts and a number of bytes per request), sends them with bounded concurrency and
// puts the answers back in input order.
//
// Blank texts (empty or whitespace only) are never sent: they come back unchanged, so a service is
// neither billed for them nor given the chance to answer them with something else.
package batch
