package sensitiveattr

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// kind is the kind of data a name or a source says a value holds; it picks
// the consequence the message states.
type kind int

const (
	credential kind = iota // passwords, tokens, keys, secrets, credential headers and cookies
	personal               // data about a person
	card                   // payment card data
)

// consequence returns the parenthesised tail of a message about data of
// kind k.
func (k kind) consequence() string {
	const tail = "on spans %s readable by everyone with access to the tracing backend and kept for its retention"
	switch k {
	case personal:
		return fmt.Sprintf("personal data "+tail, "is")
	case card:
		return fmt.Sprintf("payment card data "+tail, "is")
	}
	return fmt.Sprintf("credentials "+tail, "are")
}

// entry is a row of the name table: a phrase, as lower-case words, and
// what a value so named holds.
type entry struct {
	words []string
	what  string // "an e-mail address"
	kind  kind
	// notAfter lists words that, right before the phrase, make it name
	// something else: a page token is a cursor, not a credential.
	notAfter []string
}

// nameTable is the default table of names that say secret or personal
// data. A phrase matches a name's words (split at camelCase, snake_case,
// dots and dashes) anywhere, its last word also in the plural.
var nameTable = []entry{
	{words: []string{"password"}, what: "a password"},
	{words: []string{"passwd"}, what: "a password"},
	{words: []string{"passphrase"}, what: "a password"},
	{words: []string{"secret"}, what: "a secret"},
	{words: []string{"secret", "key"}, what: "a secret"},
	{words: []string{"secretkey"}, what: "a secret"},
	{words: []string{"clientsecret"}, what: "a secret"},
	{words: []string{"token"}, what: "a token", notAfter: []string{
		"page", "next", "continuation", "pagination", "cursor", "sync", "resume",
		"cancel", "cancellation", "idempotency", "lexer", "parser", "max", "input", "output"}},
	{words: []string{"accesstoken"}, what: "a token"},
	{words: []string{"authtoken"}, what: "a token"},
	{words: []string{"refreshtoken"}, what: "a token"},
	{words: []string{"bearertoken"}, what: "a token"},
	{words: []string{"jwt"}, what: "a token"},
	{words: []string{"api", "key"}, what: "an API key"},
	{words: []string{"apikey"}, what: "an API key"},
	{words: []string{"private", "key"}, what: "a private key"},
	{words: []string{"privatekey"}, what: "a private key"},
	{words: []string{"credential"}, what: "credentials"},
	{words: []string{"creds"}, what: "credentials"},
	{words: []string{"email"}, what: "an e-mail address", kind: personal},
	{words: []string{"e", "mail"}, what: "an e-mail address", kind: personal},
	{words: []string{"emailaddress"}, what: "an e-mail address", kind: personal},
	{words: []string{"phone"}, what: "a phone number", kind: personal},
	{words: []string{"phonenumber"}, what: "a phone number", kind: personal},
	{words: []string{"ssn"}, what: "a social security number", kind: personal},
	{words: []string{"passport"}, what: "a passport number", kind: personal},
	{words: []string{"iban"}, what: "a bank account number", kind: personal},
	{words: []string{"birthdate"}, what: "a date of birth", kind: personal},
	{words: []string{"birth", "date"}, what: "a date of birth", kind: personal},
	{words: []string{"date", "of", "birth"}, what: "a date of birth", kind: personal},
	{words: []string{"dob"}, what: "a date of birth", kind: personal},
	{words: []string{"full", "name"}, what: "a person's name", kind: personal},
	{words: []string{"fullname"}, what: "a person's name", kind: personal},
	{words: []string{"first", "name"}, what: "a person's name", kind: personal},
	{words: []string{"firstname"}, what: "a person's name", kind: personal},
	{words: []string{"last", "name"}, what: "a person's name", kind: personal},
	{words: []string{"lastname"}, what: "a person's name", kind: personal},
	{words: []string{"surname"}, what: "a person's name", kind: personal},
	{words: []string{"card", "number"}, what: "a card number", kind: card},
	{words: []string{"cardnumber"}, what: "a card number", kind: card},
	{words: []string{"credit", "card"}, what: "a card number", kind: card},
	{words: []string{"creditcard"}, what: "a card number", kind: card},
	{words: []string{"cvv"}, what: "a card security code", kind: card},
	{words: []string{"cvv2"}, what: "a card security code", kind: card},
	{words: []string{"cvc"}, what: "a card security code", kind: card},
}

// headerTable names the headers (and gRPC metadata) that carry
// credentials whatever the name table says: only in a header's name do
// these words mean the credential itself.
var headerTable = []entry{
	{words: []string{"authorization"}, what: "credentials"},
	{words: []string{"proxy", "authorization"}, what: "credentials"},
	{words: []string{"cookie"}, what: "credentials"},
	{words: []string{"set", "cookie"}, what: "credentials"},
	{words: []string{"x", "api", "key"}, what: "an API key"},
}

// dataSuffixes are the words that may follow a phrase in a name that
// still names the data itself: user.email_address, token_value. Any other
// word after the phrase makes the name describe the data (email_verified,
// token.type, password_length, secret.name, api_key_id): not the data.
var dataSuffixes = map[string]bool{
	"address": true, "addresses": true, "addr": true, "value": true, "raw": true, "plain": true, "plaintext": true,
	"str": true, "string": true, "text": true, "number": true, "num": true, "no": true, "nr": true,
	"header": true, "b64": true, "base64": true, "encoded": true, "list": true, "bytes": true,
	"1": true, "2": true, "primary": true, "secondary": true, "new": true, "old": true, "hdr": true,
	"data": true, "info": true,
}

// notBefore are the words that, right before a phrase, make a name
// describe the data rather than hold it: hashed_password, masked_email,
// has_token, num_tokens.
var notBefore = map[string]bool{
	"hash": true, "hashed": true, "masked": true, "mask": true, "redacted": true, "encrypted": true,
	"anonymized": true, "anonymised": true, "obfuscated": true, "hmac": true, "sha1": true,
	"sha256": true, "sha512": true, "md5": true, "has": true, "is": true, "num": true, "count": true,
	"no": true, "missing": true, "invalid": true,
}

// idWords end the names of values that identify something rather than
// hold it: an ID is not the secret (user.id, token_id, key.ID).
var idWords = map[string]bool{"id": true, "ids": true, "uuid": true, "guid": true}

// match is the verdict on one name.
type match int

const (
	noMatch    match = iota // the name says nothing about sensitive data
	sensitive               // the name says the value is sensitive data
	describing              // the name mentions sensitive data but says the value describes it
)

// words splits a name into lower-case words at camelCase and acronym
// boundaries (APIKey: api, key; userEmail: user, email) and at every
// character that is neither a letter nor a digit. Digits stay with the
// letters before them (sha256, cvv2, last4).
func words(name string) []string {
	var out []string
	rs := []rune(name)
	start := -1
	flush := func(i int) {
		if start >= 0 && i > start {
			out = append(out, strings.ToLower(string(rs[start:i])))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
			flush(i)
			start = i
		case unicode.IsUpper(r) && unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// classify returns what name says about the value it names, and the row
// that matched for a sensitive name. A phrase matches when it is followed
// by nothing or only by dataSuffixes and is not preceded by a word that
// makes the name describe the data.
func classify(table []entry, name string) (match, *entry) {
	ws := words(name)
	verdict := noMatch
	var best *entry
	for i := range table {
		e := &table[i]
		n := len(e.words)
		for at := 0; at+n <= len(ws); at++ {
			if !phraseAt(ws, at, e.words) {
				continue
			}
			if at > 0 && (notBefore[ws[at-1]] || slices.Contains(e.notAfter, ws[at-1])) {
				verdict = stronger(verdict, describing)
				continue
			}
			rest := ws[at+n:]
			if !all(rest, func(w string) bool { return dataSuffixes[w] }) {
				verdict = stronger(verdict, describing)
				continue
			}
			if verdict != sensitive || len(e.words) > len(best.words) {
				best = e
			}
			verdict = sensitive
		}
	}
	if verdict == sensitive {
		return sensitive, best
	}
	return verdict, nil
}

// stronger returns the stronger of two verdicts: sensitive, then
// describing, then noMatch.
func stronger(a, b match) match {
	if a == sensitive || b == sensitive {
		return sensitive
	}
	if a == describing || b == describing {
		return describing
	}
	return noMatch
}

// phraseAt reports whether ws holds phrase at index at, its last word
// possibly in the plural.
func phraseAt(ws []string, at int, phrase []string) bool {
	for j, p := range phrase {
		w := ws[at+j]
		if w == p {
			continue
		}
		if j == len(phrase)-1 && (w == p+"s" || w == p+"es") {
			continue
		}
		return false
	}
	return true
}

func all(ws []string, f func(string) bool) bool {
	for _, w := range ws {
		if !f(w) {
			return false
		}
	}
	return true
}

// isIDName reports whether name ends in a word that says it is an
// identifier (ID, UUID).
func isIDName(name string) bool {
	ws := words(name)
	return len(ws) > 0 && idWords[ws[len(ws)-1]]
}

// namesFlag is the -names option: more names that say secret or personal
// data, comma-separated, each optionally followed by :personal, :card or
// :credential (the default). Setting it again appends. It is a
// flag.Getter whose Get returns a []string.
type namesFlag struct {
	items []string
	rows  []entry
}

func (f *namesFlag) String() string { return strings.Join(f.items, ",") }

// Set implements flag.Value.
func (f *namesFlag) Set(s string) error {
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return fmt.Errorf("empty name in %q (a stray comma?)", s)
		}
		name, k, hasKind := strings.Cut(item, ":")
		e := entry{kind: credential}
		if hasKind {
			switch k {
			case "credential":
			case "personal":
				e.kind = personal
			case "card":
				e.kind = card
			default:
				return fmt.Errorf("%q: want :credential, :personal or :card after the name, got :%s", item, k)
			}
		}
		e.words = words(name)
		if len(e.words) == 0 {
			return fmt.Errorf("%q: a name needs a letter or a digit", item)
		}
		e.what = fmt.Sprintf("%q data", name)
		f.items = append(f.items, item)
		f.rows = append(f.rows, e)
	}
	return nil
}

// Get implements flag.Getter.
func (f *namesFlag) Get() any { return slices.Clone(f.items) }
