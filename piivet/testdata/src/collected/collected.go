// Package collected returns personal data inside a collection of its own building (an
// argument list, a field map, a list of texts), which its callers log.
package collected

import (
	"encoding/json"
	"log"
	"log/slog"
	"models"

	"github.com/ef8f9424/pii"
	"github.com/sirupsen/logrus"
)

// fields builds logrus's fields of a user, with its address.
func fields(u models.User) logrus.Fields { // want fields:`yields \[0\] string`
	return logrus.Fields{"id": u.ID, "email": u.Email}
}

// attrs builds an argument list that holds the user itself.
func attrs(u models.User) []any { // want attrs:`yields \[0\] models.User`
	return []any{"user", u}
}

// info fills a map, then returns it.
func info(u models.User) map[string]any { // want info:`yields \[0\] models.User`
	m := map[string]any{}
	m["user"] = u
	return m
}

// emails collects the users' addresses.
func emails(us []models.User) []string { // want emails:`yields \[0\] string`
	var out []string
	for _, u := range us {
		out = append(out, u.Email)
	}
	return out
}

// ids collects what is no personal data: no fact.
func ids(us []models.User) []int {
	var out []int
	for _, u := range us {
		out = append(out, u.ID)
	}
	return out
}

// plain returns an argument list of no personal data: no fact.
func plain(u models.User) []any { return []any{"id", u.ID} }

// safeAttrs returns the user wrapped: no fact.
func safeAttrs(u models.User) []any { return []any{"user", pii.Safe(u)} }

// again returns another's collection: it yields what that one does.
func again(u models.User) logrus.Fields { // want again:`yields \[0\] string`
	return fields(u)
}

func use(u models.User, us []models.User) {
	logrus.WithFields(fields(u)).Info("signup") // want `fields\(u\) \(collected.fields may return the field tagged pii:"email" at models.User.Email in its result\) reaches logrus.WithFields`
	log.Println(attrs(u)...)                    // want `attrs\(u\) \(collected.attrs may return models.User, which carries pii tags\) reaches log.Println`
	log.Println(info(u))                        // want `collected.info may return models.User`
	log.Println(emails(us))                     // want `collected.emails may return the field tagged pii:"email" at models.User.Email`
	f := fields(u)
	logrus.WithFields(f).Info("signup") // want `f \(collected.fields may return the field`
	b, _ := json.Marshal(info(u))       // want `collected.info may return models.User`
	_ = b
	logrus.WithFields(again(u)).Info("x")     // want `collected.again may return the field`
	slog.Info("signup", "emails", emails(us)) // want `collected.emails may return the field tagged pii:"email" at models.User.Email in its result\) is logged through slog as it is`

	log.Println(ids(us))
	log.Println(plain(u)...)
	log.Println(safeAttrs(u)...)
	logrus.WithFields(logrus.Fields{"ids": ids(us)}).Info("x")
}
