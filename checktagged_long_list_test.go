package pii_test

import (
	"errors"
	"testing"

	"github.com/ef8f9424/pii"
	"github.com/google/go-cmp/cmp"
)

// listNode is a linked list's element, every field tagged.
type listNode struct {
	Name string `pii:"name"`
	Next *listNode
}

// notedNode is a linked list's element with an untagged field.
type notedNode struct {
	Name string `pii:"name"`
	Note string
	Next *notedNode
}

// TestCheckTaggedLongList: CheckTagged of a linked list longer than Classify follows,
// with no interface anywhere in it, answers as for its type (its deeper levels repeat
// the declarations of the first): a service's list of 300 records is ordinary data,
// not an error wrapping ErrTooDeep.
func TestCheckTaggedLongList(t *testing.T) {
	var list *listNode
	var noted *notedNode
	for range 300 {
		list = &listNode{Name: "Jane", Next: list}
		noted = &notedNode{Name: "Jane", Next: noted}
	}
	if err := pii.CheckTagged(list); err != nil {
		t.Errorf("CheckTagged of a tagged list: %v", err)
	}
	err := pii.CheckTagged(noted)
	var ue *pii.UntaggedError
	if !errors.As(err, &ue) {
		t.Fatalf("CheckTagged of a list with an untagged field: %v, want an *UntaggedError", err)
	}
	if diff := cmp.Diff([]string{"Note"}, ue.Fields); diff != "" {
		t.Errorf("untagged fields (-want +got):\n%s", diff)
	}
}
