// Package responses sends records to the client a service serves, in an HTTP response:
// its purpose, not a leak, and no log sees it; the same calls on another writer are
// reported.
package responses

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"os"

	"models"
)

var profile = template.Must(template.New("p").Parse("{{.Email}}"))

func Show(w http.ResponseWriter, r *http.Request, u models.User) {
	_ = json.NewEncoder(w).Encode(u)
	enc := json.NewEncoder(w)
	_ = enc.Encode(&u)
	_ = xml.NewEncoder(w).Encode(u)
	_ = profile.Execute(w, u)
	_ = profile.ExecuteTemplate(w, "p", u)
	fmt.Fprintf(w, "hello %s", u.Email)
	writeJSON(w, u)
}

// writeJSON is a service's helper: it writes to the response, and hands nothing on.
func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// writeTo writes to any writer: a log file as well as a response.
func writeTo(w io.Writer, v any) { // want writeTo:`forwards`
	_ = json.NewEncoder(w).Encode(v)
}

func Elsewhere(w http.ResponseWriter, out io.Writer, u models.User) {
	_ = json.NewEncoder(os.Stderr).Encode(u) // want `u \(models.User carries pii tags\) reaches json.Encoder.Encode`
	enc := json.NewEncoder(out)
	_ = enc.Encode(u)               // want `reaches json.Encoder.Encode`
	_ = profile.Execute(out, u)     // want `reaches template.Template.Execute`
	fmt.Fprintf(os.Stdout, "%v", u) // want `reaches fmt.Fprintf`
	fmt.Fprintln(w, u, u.Email)
	writeTo(w, u) // want `reaches responses.writeTo, which hands it to json.Encoder.Encode`
	enc = json.NewEncoder(w)
	_ = enc.Encode(u)
	fmt.Println(u) // want `reaches fmt.Println`
}
