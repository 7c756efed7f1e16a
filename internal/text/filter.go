package text

import "hash/maphash"

// WordFilter is a Bloom filter of strings: asked whether it holds a string, it answers "no" for
// most strings it does not hold, from two bits of a table small enough to stay in the processor's
// cache, and never "no" for one it holds. The spelling and the text repair ask about many more
// strings than are words (every candidate stem of a word, every substring the search for splits
// tries), and a look-up in the map of a large dictionary waits on memory; the filter answers
// most of them first.
//
// It is written here rather than taken from a Bloom filter library because of its one hot path:
// those hash bytes with a hash of their own and allocate the locations of every test, whereas here
// one maphash of the string (FilterHash) is the whole cost, and one hash asks several filters.
type WordFilter struct {
	bits []uint64
	mask uint64 // the number of bits less one, a power of two less one
}

// filterSeed seeds the hash of every WordFilter, so that one FilterHash serves them all.
var filterSeed = maphash.MakeSeed()

// FilterHash is the hash a WordFilter takes of w.
func FilterHash(w string) uint64 { return maphash.String(filterSeed, w) }

// FilterHashBytes is FilterHash of the string b holds.
func FilterHashBytes(b []byte) uint64 { return maphash.Bytes(filterSeed, b) }

// NewWordFilter makes an empty filter of about bitsPerString bits for each of n strings: 12 bits,
// once the size is rounded up to a power of two, let about one string in fifty it does not hold
// through.
func NewWordFilter(n, bitsPerString int) *WordFilter {
	size := uint64(1024)
	for size < uint64(n*bitsPerString) {
		size *= 2
	}
	return &WordFilter{bits: make([]uint64, size/64), mask: size - 1}
}

// Add puts w in the filter.
func (f *WordFilter) Add(w string) {
	h := FilterHash(w)
	a, b := h&f.mask, (h>>32)&f.mask
	f.bits[a/64] |= 1 << (a % 64)
	f.bits[b/64] |= 1 << (b % 64)
}

// MayHold reports false only for a string the filter does not hold.
func (f *WordFilter) MayHold(w string) bool { return f.MayHoldHash(FilterHash(w)) }

// MayHoldHash is MayHold for the string whose FilterHash is h.
func (f *WordFilter) MayHoldHash(h uint64) bool {
	a, b := h&f.mask, (h>>32)&f.mask
	return f.bits[a/64]&(1<<(a%64)) != 0 && f.bits[b/64]&(1<<(b%64)) != 0
}
