package benchmarks

// Address is the nested part of Record, reached through a pointer so that every library
// has to follow one.
type Address struct {
	Street string `pii:"address"`
	Postal string `pii:"postal"`
}

// Record is the 8-field struct of the struct and log-line workloads, tagged for the pii
// library. masq reads the same tags (masq.WithCustomTagKey("pii")), and plain slog
// ignores them, so the three log-line contenders log this very type.
type Record struct {
	SID    string   `pii:"no"`
	Name   string   `pii:"name"`
	Phone  string   `pii:"phone"`
	Email  string   `pii:"email"`
	Body   string   `pii:"body"`
	IP     string   `pii:"ip"`
	Phones []string `pii:"phone"`
	Home   *Address
}

// OwnedNumber is the business's own number: not personal data, and the pii policy is
// told so with WithOwnedNumbers. The peers have no such notion.
const OwnedNumber = "+14155550100"

// Sample returns a fresh copy of the record every struct and log-line benchmark starts
// from; nothing it returns is shared with another call.
func Sample() Record {
	return Record{
		SID:    "SM5a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d",
		Name:   "Maria Okafor",
		Phone:  "+14155552671",
		Email:  "maria.okafor@example.com",
		Body:   "Hi, it's Maria. Call me back on +14155552671 about order 1098765432.",
		IP:     "203.0.113.42",
		Phones: []string{"+14155552671", "+442079460958"},
		Home:   &Address{Street: "1600 Amphitheatre Pkwy", Postal: "94043"},
	}
}

// SMS is the 130-byte free-text workload: a name, a phone number, an email address, an
// order number shaped like a phone number but not a valid one, and the business's own
// number.
const SMS = "Maria Okafor here, call +14155552671 or mail maria.okafor@example.com re: order 1098765432. Reply STOP to +14155550100 to opt out."

// The peers' own tag sets cannot be `pii` tags, so each gets a struct of the same shape
// carrying its own tags, filled from Sample once, outside the timed loop.

// goMaskAddress is Address tagged for go-mask: "filled" replaces every character.
type goMaskAddress struct {
	Street string `mask:"filled"`
	Postal string `mask:"filled"`
}

// goMaskRecord is Record tagged for go-mask.
type goMaskRecord struct {
	SID    string
	Name   string   `mask:"filled"`
	Phone  string   `mask:"filled"`
	Email  string   `mask:"filled"`
	Body   string   `mask:"filled"`
	IP     string   `mask:"filled"`
	Phones []string `mask:"filled"`
	Home   *goMaskAddress
}

// goMaskerAddress is Address tagged for go-masker. It has no postal-code masker;
// its address masker is the closest and hides a five-digit code whole.
type goMaskerAddress struct {
	Street string `mask:"addr"`
	Postal string `mask:"addr"`
}

// goMaskerRecord is Record tagged for go-masker with the masker named for each kind.
// It has none for message bodies or IP addresses: those get "password", which
// replaces the value whole, the strongest it offers.
type goMaskerRecord struct {
	SID    string
	Name   string           `mask:"name"`
	Phone  string           `mask:"mobile"`
	Email  string           `mask:"email"`
	Body   string           `mask:"password"`
	IP     string           `mask:"password"`
	Phones []string         `mask:"mobile"`
	Home   *goMaskerAddress `mask:"struct"`
}

func toGoMask(r Record) goMaskRecord {
	return goMaskRecord{
		SID: r.SID, Name: r.Name, Phone: r.Phone, Email: r.Email, Body: r.Body, IP: r.IP,
		Phones: r.Phones, Home: &goMaskAddress{Street: r.Home.Street, Postal: r.Home.Postal},
	}
}

func fromGoMask(r goMaskRecord) Record {
	out := Record{
		SID: r.SID, Name: r.Name, Phone: r.Phone, Email: r.Email, Body: r.Body, IP: r.IP,
		Phones: r.Phones,
	}
	if r.Home != nil {
		out.Home = &Address{Street: r.Home.Street, Postal: r.Home.Postal}
	}
	return out
}

func toGoMasker(r Record) goMaskerRecord {
	return goMaskerRecord{
		SID: r.SID, Name: r.Name, Phone: r.Phone, Email: r.Email, Body: r.Body, IP: r.IP,
		Phones: r.Phones, Home: &goMaskerAddress{Street: r.Home.Street, Postal: r.Home.Postal},
	}
}

func fromGoMasker(r goMaskerRecord) Record {
	out := Record{
		SID: r.SID, Name: r.Name, Phone: r.Phone, Email: r.Email, Body: r.Body, IP: r.IP,
		Phones: r.Phones,
	}
	if r.Home != nil {
		out.Home = &Address{Street: r.Home.Street, Postal: r.Home.Postal}
	}
	return out
}

// deepCopy returns a copy of r that shares no slice or pointer with it.
func deepCopy(r Record) Record {
	out := r
	if r.Phones != nil {
		out.Phones = append([]string{}, r.Phones...)
	}
	if r.Home != nil {
		h := *r.Home
		out.Home = &h
	}
	return out
}
