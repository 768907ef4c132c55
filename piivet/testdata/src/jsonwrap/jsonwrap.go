// Package jsonwrap encodes untagged wrappers whose fields encoding/json never writes
// (json:"-", unexported) holding a record: fmt prints them, encoding/json does not.
package jsonwrap

import (
	"encoding/json"
	"fmt"
	"models"
)

type Hidden struct { // want Hidden:"pii-tagged"
	Data models.User `json:"-" pii:"no"`
	ID   string      `pii:"no"`
}

type Private struct { // want Private:"pii-tagged"
	user models.User
	ID   string
}

type Shown struct {
	Data any
	skip any
	Gone any `json:"-"`
}

func use(u models.User) {
	b, _ := json.Marshal(Hidden{Data: u, ID: "1"})
	b, _ = json.Marshal(Private{user: u})
	h := Hidden{Data: u}
	b, _ = json.Marshal(h)
	b, _ = json.Marshal(&h)
	b, _ = json.Marshal([]Hidden{h})
	b, _ = json.Marshal(Shown{skip: u, Gone: u})
	b, _ = json.Marshal(Shown{Data: u})                 // want `Shown\{…\} holds u \(models.User carries pii tags\), which reaches json.Marshal`
	b, _ = json.Marshal(Shown{u, nil, nil})             // want `holds u`
	b, _ = json.Marshal(&Shown{Gone: u, Data: u.Email}) // want `holds u.Email`
	_ = b
	fmt.Println(Hidden{Data: u}) // want `Hidden\{…\} \(jsonwrap.Hidden carries pii tags\) reaches fmt.Println`
	fmt.Println(Shown{skip: u})  // want `Shown\{…\} holds u`
}
