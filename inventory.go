package pii

import (
	"fmt"
	"io"
	"reflect"
	"strings"
)

// An Inventory is the data map of one or more types: every leaf field with its class,
// kind, retention and handling, the way an API reference prints "PII MTL: 30 days" or
// "Not PII" under each field. It is what a privacy review, a records-of-processing
// register or a data-subject request starts from. Write it with WriteMarkdown, or encode
// it with encoding/json.
type Inventory struct {
	Fields []Field `json:"fields"`
}

// NewInventory makes the inventory of the types of vs (values, pointers or
// reflect.Types) under the default Policy.
func NewInventory(vs ...any) (Inventory, error) { return defaultPolicy.Inventory(vs...) }

// Inventory makes the inventory of the types of vs (values, pointers or reflect.Types)
// under p, whose profile decides which kinds count as personal data. Each field is
// listed once, however many values of its type are given.
//
// Values double as samples: each is audited (see Policy.Audit), and a Not PII or
// untagged field in which personal data was seen lists the kinds in SeenPII, which
// WriteMarkdown shows beside its class. A privacy review then sees not only what the
// tags say, but where real records contradict them.
func (p *Policy) Inventory(vs ...any) (Inventory, error) {
	p = p.orDefault()
	var inv Inventory
	at := map[[2]string]int{} // type and path -> index in inv.Fields
	for _, v := range vs {
		fields, err := p.Classify(v)
		if err != nil {
			return Inventory{}, err
		}
		for _, f := range fields {
			key := [2]string{f.Type, f.Path}
			if _, ok := at[key]; !ok {
				at[key] = len(inv.Fields)
				inv.Fields = append(inv.Fields, f)
			}
		}
		if _, isType := v.(reflect.Type); isType || v == nil {
			continue
		}
		found, err := p.Audit(v)
		if err != nil {
			return Inventory{}, err
		}
		typ, _ := typeOf(v)
		for _, m := range found {
			if i, ok := at[[2]string{typ.String(), m.Path}]; ok && m.Kind != KindNone &&
				!containsKind(inv.Fields[i].SeenPII, m.Kind) {
				inv.Fields[i].SeenPII = append(inv.Fields[i].SeenPII, m.Kind)
			}
		}
	}
	return inv, nil
}

// classLabel is a field's class as the inventory's Classification column shows it:
// "PII MTL: 30 days", "PII" (no MTL), "Not PII" or "Untagged"; the kind, TTL and
// handling have columns of their own.
func (f Field) classLabel() string {
	if f.Class == PII && f.MTL > 0 {
		return fmt.Sprintf("PII MTL: %d days", f.MTL)
	}
	return f.Class.String()
}

// WriteMarkdown writes the inventory as Markdown: a heading and a table for each type.
func (inv Inventory) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	typ := ""
	for _, f := range inv.Fields {
		if f.Type != typ {
			if typ != "" {
				b.WriteString("\n")
			}
			typ = f.Type
			fmt.Fprintf(&b, "## %s\n\n", typ)
			b.WriteString("| Field | Go type | Classification | Kind | MTL | TTL | Handling |\n")
			b.WriteString("|---|---|---|---|---|---|---|\n")
		}
		kind, handling := "", ""
		if f.Class == PII {
			kind, handling = f.Kind.String(), f.Handling.String()
		}
		class := f.classLabel()
		if f.Profile != "" {
			class += " (" + f.Profile + ")"
		}
		if len(f.SeenPII) > 0 {
			seen := make([]string, len(f.SeenPII))
			for i, k := range f.SeenPII {
				seen[i] = k.String()
			}
			class += " **but holds " + strings.Join(seen, ", ") + " in samples**"
		}
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s | %s | %s |\n",
			f.Path, f.GoType, class, kind, days(f.MTL), days(f.TTL), handling)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func days(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d days", n)
}
