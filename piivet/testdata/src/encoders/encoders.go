// Package encoders hands tagged values to encoding/xml and to templates, which write
// the fields they read where people read them.
package encoders

import (
	"encoding/xml"
	htmltemplate "html/template"
	"io"
	"text/template"

	"github.com/ef8f9424/pii"

	"models"
)

var page = template.Must(template.New("p").Parse("{{.Email}}"))

var htmlPage = htmltemplate.Must(htmltemplate.New("p").Parse("{{.Email}}"))

// Leaks hands them on as they are: json:"-" hides nothing from encoding/xml, and
// html/template's escaping is no redaction.
func Leaks(w io.Writer, u models.User, o *models.Order, a models.Account, enc *xml.Encoder) {
	_, _ = xml.Marshal(u)                                        // want `u \(models.User carries pii tags\) reaches xml.Marshal as it is: pass pii.Redacted's copy \(pii.Safe's wrapper has no fields for it to read\)`
	_, _ = xml.MarshalIndent(&u, "", " ")                        // want `reaches xml.MarshalIndent`
	_ = enc.Encode(o)                                            // want `o \(\*models.Order carries pii tags\) reaches xml.Encoder.Encode`
	_ = enc.EncodeElement(u, xml.StartElement{})                 // want `reaches xml.Encoder.EncodeElement`
	_, _ = xml.Marshal(a)                                        // want `a \(models.Account carries pii tags\) reaches xml.Marshal`
	_ = page.Execute(w, u)                                       // want `u \(models.User carries pii tags\) reaches template.Template.Execute`
	_ = page.ExecuteTemplate(w, "p", map[string]any{"user": &u}) // want `holds &u \(\*models.User carries pii tags\), which reaches template.Template.ExecuteTemplate`
	_ = htmlPage.Execute(w, u)                                   // want `reaches template.Template.Execute`
	_ = page.Execute(w, u.Email)                                 // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches template.Template.Execute as it is: pass the field of pii.Redacted's copy, or that copy`
	_, _ = xml.Marshal(pii.Safe(u))                              // want `pii.Safe\(u\) is pii.Safe's wrapper, which xml.Marshal cannot read`
	_ = page.Execute(w, pii.Safe(u))                             // want `is pii.Safe's wrapper, which template.Template.Execute cannot read`
}

// Copies hands on redacted copies and values with no personal data.
func Copies(w io.Writer, u models.User, s models.Stats, p *pii.Policy, enc *xml.Encoder) { // want Copies:`forwards \[2\] to xml.Marshal`
	r, _ := pii.Redacted(p, u)
	_, _ = xml.Marshal(r)
	_ = enc.Encode(&r)
	_ = page.Execute(w, r)
	_ = htmlPage.ExecuteTemplate(w, "p", r)
	_, _ = xml.Marshal(s)
	_ = page.Execute(w, nil)
	_ = page.Execute(w, u.ID)
}
