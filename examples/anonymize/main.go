// Anonymize prepares subscriber records for a statistics export: keyed pseudonyms keep
// them countable without revealing who they are, coarser values keep what the analysts
// need, a voice sample is sealed so that only the holder of the private key can open it,
// and a k-anonymity check runs before anything leaves.
//
//	go run ./examples/anonymize
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/ef8f9424/pii"
)

// Subscriber is one row of the export.
type Subscriber struct {
	ID      string    `pii:"no"`
	Phone   string    `pii:"phone"`                 // pseudonym: countable, not reversible
	Country string    `pii:"phone,anon=generalize"` // the calling code only
	Email   string    `pii:"email,anon=generalize"` // the domain only
	IP      string    `pii:"ip"`                    // /24
	Born    time.Time `pii:"dob"`                   // the year
	Voice   []byte    `pii:"biometric,anon=seal"`   // sealed to the customer's key
	Notes   string    `pii:"body"`                  // dropped
}

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run is the program, writing to w: its test compares what it writes with
// testdata/output.golden.
func run(w io.Writer) error {
	// In production the key comes from a secret store; it must be 16 bytes or more.
	key := []byte("example pseudonym key, 32 bytes!")
	priv, err := pii.GenerateSealKey()
	if err != nil {
		return err
	}
	p, err := pii.New(pii.WithKey(key), pii.WithSealKey(priv.PublicKey()))
	if err != nil {
		return err
	}
	rows := []Subscriber{
		{ID: "S1", Phone: "+14155551234", Country: "+14155551234", Email: "jane@example.com", IP: "203.0.113.42",
			Born: time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC), Voice: []byte("voice sample 1"), Notes: "VIP"},
		{ID: "S2", Phone: "+1 (415) 555-1234", Country: "+14155559876", Email: "bob@example.com", IP: "203.0.113.7",
			Born: time.Date(1990, 11, 2, 0, 0, 0, 0, time.UTC), Voice: []byte("voice sample 2")},
		{ID: "S3", Phone: "+442079460958", Country: "+442079460958", Email: "amy@example.co.uk", IP: "198.51.100.1",
			Born: time.Date(1985, 1, 9, 0, 0, 0, 0, time.UTC)},
	}
	if err := p.Anonymize(rows); err != nil { // a slice of records is anonymised in place
		return err
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%s phone=%s country=%s email=%s ip=%s born=%d sealed=%d bytes\n",
			r.ID, r.Phone, r.Country, r.Email, r.IP, r.Born.Year(), len(r.Voice))
	}
	fmt.Fprintln(w, "S1 and S2 are one subscriber:", rows[0].Phone == rows[1].Phone)

	k, err := pii.KAnonymity(rows, "Country", "Born")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "k-anonymity on (Country, Born): %d (an export wants k of 5 or more)\n", k)

	// Only the private key's holder can open the sealed samples again.
	if err := pii.Unseal(rows, priv); err != nil {
		return err
	}
	fmt.Fprintf(w, "unsealed: %q\n", rows[0].Voice)
	return nil
}
