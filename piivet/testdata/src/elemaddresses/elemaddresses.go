// Package elemaddresses prints slices, arrays and maps of pointers to tagged records,
// and pointers to such pointers: fmt and log print a pointer below the top as its
// address ([0xc000010000]), so what it points to is not printed. The pointer itself
// at the top, one whose type has a method fmt calls, a struct's pointer field, and
// the other sinks (encoding/json, slog, zap.Any) still are reported.
package elemaddresses

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"

	"go.uber.org/zap"
)

type User struct { // want User:"pii-tagged"
	ID    int64  `pii:"no"`
	Email string `pii:"email"`
}

// Shown prints itself with its email.
type Shown struct { // want Shown:"pii-tagged"
	Email string `pii:"email"`
}

func (s *Shown) String() string { return s.Email } // want String:`returns tagged pii:"email" at elemaddresses.Shown.Email`

// Holder holds a pointer in a field: reported, fail closed.
type Holder struct { // want Holder:"pii-tagged"
	N    int   `pii:"no"`
	User *User `pii:"no"`
}

// List returns the users, as a repository does.
func List() []*User { return nil }

// Fetch returns what a repository returns.
func Fetch() (u *User, byID map[int64]*User, arr [2]*User, shown []*Shown, h Holder, deep [][]*User) {
	return
}

func Print() {
	u, byID, arr, shown, h, deep := Fetch()
	us := List()
	log.Printf("loaded %v", us) // []*User: addresses
	fmt.Println(byID)           // map values: addresses
	fmt.Printf("%+v\n", arr)    // array elements: addresses
	log.Println(List())         // a call's result: addresses
	users := List()
	log.Printf("%v", users) // through a local set to a call's result
	pp := &u
	log.Printf("%v", pp)           // **User: the address of *User
	log.Printf("%v", *pp)          // want `\*pp \(\*elemaddresses.User carries pii tags\) reaches log.Printf`
	log.Println(u)                 // want `u \(\*elemaddresses.User carries pii tags\) reaches log.Println`
	log.Println(deep)              // [][]*User: addresses still
	fmt.Println(shown)             // want `shown \(\[\]\*elemaddresses.Shown carries pii tags\) reaches fmt.Println`
	fmt.Println(h)                 // want `h \(elemaddresses.Holder carries pii tags\) reaches fmt.Println`
	_, _ = json.Marshal(us)        // want `us \(\[\]\*elemaddresses.User carries pii tags\) reaches json.Marshal`
	slog.Info("x", "us", us)       // want `us \(\[\]\*elemaddresses.User carries pii tags\) is logged through slog`
	_ = zap.Any("us", us)          // want `us \(\[\]\*elemaddresses.User carries pii tags\) reaches zap.Any`
	_ = fmt.Errorf("users %v", us) // addresses
}
