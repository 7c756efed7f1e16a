package pseudo

// protectedPattern describes the spans that are copied unchanged. It is the specification of
// protectedSpans, which finds the same spans with a byte scan (the regular expression cost most
// of a pseudo-translation's time); a test holds the two to the same answers.
const protectedPattern = `(?i:https?://[^\s<>"'\x60]+|www\.[^\s<>"'\x60]+)` + // URLs
	`|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+` + // e-mail addresses
	`|\{\{[^{}]*\}\}|\$\{[^{}]*\}|\{[^{}\s]*\}` + // {{.X}}, ${x}, {name}, {0}
	`|%(?:\[\d+\])?[-+#0]*\d*(?:\.\d+)?[sdvfqxXtTeEgGbcoUp%]` + // printf verbs
	`|<[^<>]+>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);` + // HTML tags and entities
	`|\d+(?:[.,:/]\d+)*` // numbers with their separators

// protectedSpans returns the [start, end) byte offsets of the successive, non-overlapping
// leftmost matches of protectedPattern in s, as regexp's FindAllStringIndex would. At each
// position the alternatives are tried in the pattern's order; none can match empty text, and the
// bytes they look at are all ASCII, so a multi-byte rune is never taken apart.
func protectedSpans(s string) [][2]int {
	var out [][2]int
	emailRunEnd := -1 // positions before this are inside a run of address characters already refused
	for i := 0; i < len(s); {
		end := -1
		switch c := s[i]; {
		case c == 'h' || c == 'H' || c == 'w' || c == 'W':
			end = matchURL(s, i)
		}
		if end < 0 && i >= emailRunEnd && isEmailLocal(s[i]) {
			run := i
			for run < len(s) && isEmailLocal(s[run]) {
				run++
			}
			if end = matchEmailDomain(s, run); end < 0 {
				emailRunEnd = run
			}
		}
		if end < 0 {
			switch s[i] {
			case '{':
				end = matchBraces(s, i)
			case '$':
				end = matchDollarBraces(s, i)
			case '%':
				end = matchVerb(s, i)
			case '<':
				end = matchTag(s, i)
			case '&':
				end = matchEntity(s, i)
			default:
				if isDigit(s[i]) {
					end = matchNumber(s, i)
				}
			}
		}
		if end < 0 {
			i++
			continue
		}
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' }
func isHex(c byte) bool   { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }

func isEmailLocal(c byte) bool {
	return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// isURLByte is [^\s<>"'`]: \s in Go's syntax is ASCII space, tab, newline, form feed, return.
func isURLByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\f', '\r', '<', '>', '"', '\'', '`':
		return false
	}
	return true
}

// hasPrefixFold reports whether s[i:] starts with the lower-case ASCII prefix, in any case.
func hasPrefixFold(s string, i int, prefix string) bool {
	if len(s)-i < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[i+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

func matchURL(s string, i int) int {
	var j int
	switch {
	case hasPrefixFold(s, i, "https://"):
		j = i + len("https://")
	case hasPrefixFold(s, i, "http://"):
		j = i + len("http://")
	case hasPrefixFold(s, i, "www."):
		j = i + len("www.")
	default:
		return -1
	}
	k := j
	for k < len(s) && isURLByte(s[k]) {
		k++
	}
	if k == j {
		return -1
	}
	return k
}

// matchEmailDomain matches "@" and [A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+ at s[at:], greedily.
func matchEmailDomain(s string, at int) int {
	if at >= len(s) || s[at] != '@' {
		return -1
	}
	label := func(k int) int {
		for k < len(s) && (isAlnum(s[k]) || s[k] == '-') {
			k++
		}
		return k
	}
	k := at + 1
	if e := label(k); e > k {
		k = e
	} else {
		return -1
	}
	end := -1
	for k < len(s) && s[k] == '.' {
		e := label(k + 1)
		if e == k+1 {
			break
		}
		k, end = e, e
	}
	return end
}

func matchBraces(s string, i int) int {
	if i+1 < len(s) && s[i+1] == '{' {
		for k := i + 2; k < len(s); k++ {
			if s[k] == '{' {
				break
			}
			if s[k] == '}' {
				if k+1 < len(s) && s[k+1] == '}' {
					return k + 2
				}
				break
			}
		}
	}
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '}':
			return k + 1
		case '{', ' ', '\t', '\n', '\f', '\r':
			return -1
		}
	}
	return -1
}

func matchDollarBraces(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '{' {
		return -1
	}
	for k := i + 2; k < len(s); k++ {
		switch s[k] {
		case '}':
			return k + 1
		case '{':
			return -1
		}
	}
	return -1
}

// matchVerb matches %(\[\d+\])?[-+#0]*\d*(\.\d+)?[verb]. Greedy reading is exact here: flags,
// digits and the bracket are never verbs, so giving any of them back cannot produce a verb.
func matchVerb(s string, i int) int {
	k := i + 1
	if k < len(s) && s[k] == '[' {
		d := k + 1
		for d < len(s) && isDigit(s[d]) {
			d++
		}
		if d > k+1 && d < len(s) && s[d] == ']' {
			k = d + 1
		}
	}
	for k < len(s) && (s[k] == '-' || s[k] == '+' || s[k] == '#' || s[k] == '0') {
		k++
	}
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k+1 < len(s) && s[k] == '.' && isDigit(s[k+1]) {
		k += 2
		for k < len(s) && isDigit(s[k]) {
			k++
		}
	}
	if k < len(s) {
		switch s[k] {
		case 's', 'd', 'v', 'f', 'q', 'x', 'X', 't', 'T', 'e', 'E', 'g', 'G', 'b', 'c', 'o', 'U', 'p', '%':
			return k + 1
		}
	}
	return -1
}

func matchTag(s string, i int) int {
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '>':
			if k == i+1 {
				return -1
			}
			return k + 1
		case '<':
			return -1
		}
	}
	return -1
}

func matchEntity(s string, i int) int {
	k := i + 1
	switch {
	case k < len(s) && 'a' <= s[k]|0x20 && s[k]|0x20 <= 'z':
		for k < len(s) && 'a' <= s[k]|0x20 && s[k]|0x20 <= 'z' {
			k++
		}
	case k+1 < len(s) && s[k] == '#' && isDigit(s[k+1]):
		k++
		for k < len(s) && isDigit(s[k]) {
			k++
		}
	case k+2 < len(s) && s[k] == '#' && s[k+1] == 'x' && isHex(s[k+2]):
		k += 2
		for k < len(s) && isHex(s[k]) {
			k++
		}
	default:
		return -1
	}
	if k < len(s) && s[k] == ';' {
		return k + 1
	}
	return -1
}

func matchNumber(s string, i int) int {
	k := i
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	for k+1 < len(s) && (s[k] == '.' || s[k] == ',' || s[k] == ':' || s[k] == '/') && isDigit(s[k+1]) {
		k += 2
		for k < len(s) && isDigit(s[k]) {
			k++
		}
	}
	return k
}
