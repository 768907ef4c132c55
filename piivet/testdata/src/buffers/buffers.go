// Package buffers builds texts in a strings.Builder or bytes.Buffer, and copies values
// into slices, before it logs them.
package buffers

import (
	"bytes"
	"fmt"
	"log"
	"models"
	"strings"
)

func build(u models.User, us []models.User) {
	var b strings.Builder
	b.WriteString("user ")
	b.WriteString(u.Email)
	log.Println(b.String()) // want `b.String\(\) holds u.Email \(tagged pii:"email" at models.User.Email\), which reaches log.Println`
	msg := b.String()
	log.Println(msg) // want `msg holds u.Email`

	var buf bytes.Buffer
	buf.Write([]byte(u.Phone))
	log.Println(string(buf.Bytes())) // want `holds u.Phone \(tagged pii:"phone" at models.User.Phone\)`
	log.Println(buf.String())        // want `holds u.Phone`

	sb := &strings.Builder{}
	sb.WriteString(u.Email)
	log.Print(sb.String()) // want `holds u.Email`

	dst := make([]string, 1)
	copy(dst, []string{u.Email})
	log.Println(dst) // want `dst holds u.Email`

	args := make([]any, len(us))
	for i, x := range us {
		args[i] = x.ID
	}
	log.Println(args...)

	var ok strings.Builder
	ok.WriteString("user ")
	ok.WriteString(fmt.Sprint(u.ID))
	log.Println(ok.String())
	clean := make([]string, 1)
	copy(clean, []string{"x"})
	log.Println(clean)
	var n bytes.Buffer
	n.WriteString("count")
	log.Println(n.String(), n.Len())
}
