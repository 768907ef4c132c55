// Package mapkeys keys maps by tagged types: the library refuses to redact such a map,
// so it is reported wherever it is printed or redacted, wrapped in pii.Safe or not.
package mapkeys

import (
	"fmt"
	"iter"
	"log/slog"
	"maps"
	"os"

	"github.com/ef8f9424/pii"

	"models"
)

// Stats counts logins by user: its map is keyed by personal data.
type Stats struct { // want Stats:"pii-tagged"
	ByUser map[models.User]int `pii:"no"`
}

// hidden keeps such a map in an unexported field, which the library walks all the
// same (its type carries tags).
type hidden struct { // want hidden:"pii-tagged"
	byUser map[*models.User]bool
}

// ByID keys by an ID and keeps the record in the values: redactable.
type ByID struct { // want ByID:"pii-tagged"
	Users map[string]models.User `pii:"no"`
}

var logger = slog.New(pii.NewHandler(slog.NewTextHandler(os.Stdout, nil), nil)) // want logger:"a logger on a pii.NewHandler"

func Keyed(m map[models.User]int, s Stats, h hidden, p *pii.Policy, arr map[[2]models.User]string) {
	fmt.Println(m)                              // want `m is a map keyed by models.User, which carries pii tags, and reaches fmt.Println: the library cannot redact a map key`
	fmt.Println(pii.Safe(m))                    // want `m is a map keyed by models.User, which carries pii tags: the library cannot redact a map key, and refuses the map \(pii.ErrMapKey\)`
	r, _ := pii.Redacted(p, m)                  // want `m is a map keyed by models.User`
	fmt.Println(r)                              // reported where it was redacted
	_ = pii.Redact(&s)                          // want `&s.ByUser is a map keyed by models.User`
	_ = p.Anonymize(h)                          // want `h.byUser is a map keyed by \*models.User`
	_, _ = pii.Anonymized(p, arr)               // want `arr is a map keyed by \[2\]models.User`
	_, _ = p.ForLog(s)                          // want `s.ByUser is a map keyed by models.User`
	logger.Info("logins", "by", m)              // want `m is a map keyed by models.User, which carries pii tags, and reaches slog.Logger.Info`
	logger.Info("logins", "stats", pii.Safe(s)) // want `s.ByUser is a map keyed by models.User`
}

func NotKeyed(m map[string]models.User, b ByID, any map[any]int, counts map[int]int, p *pii.Policy) { // want NotKeyed:`forwards \[0\] to slog.Logger.Info`
	fmt.Println(pii.Safe(m))
	r, _ := pii.Redacted(p, b)
	fmt.Println(r)
	fmt.Println(pii.Safe(any)) // its keys are known only at run time
	fmt.Println(pii.Safe(counts))
	logger.Info("users", "by id", m)
	fmt.Printf("%p\n", maps.Keys(m)) // a function: fmt prints its address
	fmt.Println(maps.Keys(m))
	dump(maps.Values(m)) // want `maps.Values\(m\) \(iter.Seq\[models.User\] carries pii tags\) reaches mapkeys.dump, which hands it to fmt.Println`
}

// dump prints what an iterator yields.
func dump[T any](seq iter.Seq[T]) { // want dump:`forwards \[0\] to fmt.Println`
	for v := range seq {
		fmt.Println(v)
	}
}
