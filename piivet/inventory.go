package piivet

import (
	"errors"
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/ef8f9424/pii"
	"golang.org/x/tools/go/packages"
)

// ErrLoad is wrapped by LoadInventory's error when a package cannot be loaded or does
// not type-check.
var ErrLoad = errors.New("cannot load package")

// LoadInventory loads the packages that patterns name (as the go command reads them:
// "./...", an import path) from source and returns the inventory of their tagged types
// under profile (the zero Profile is Strict, the default Policy's); see Inventory.
func LoadInventory(profile pii.Profile, patterns ...string) (pii.Inventory, error) {
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return pii.Inventory{}, fmt.Errorf("piivet: %w: %w", ErrLoad, err)
	}
	var tps []*types.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return pii.Inventory{}, fmt.Errorf("piivet: %w %s: %v", ErrLoad, p.PkgPath, p.Errors[0])
		}
		tps = append(tps, p.Types)
	}
	return Inventory(profile, tps...)
}

// Inventory returns what Policy.Inventory returns, under a Policy with profile, for every
// tagged type the packages declare, read from their types rather than from a running
// program: every package-level, non-generic struct type with a pii tag on a field of its
// own, packages in import-path order, types in declaration order. The zero Profile is
// Strict, the default Policy's, which counts every kind: then the result is
// pii.NewInventory's. A malformed tag gives the *pii.TagError the library would return.
func Inventory(profile pii.Profile, pkgs ...*types.Package) (pii.Inventory, error) {
	pkgs = slices.Clone(pkgs)
	slices.SortFunc(pkgs, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	var inv pii.Inventory
	for _, p := range pkgs {
		if p == nil {
			continue
		}
		var named []*types.TypeName
		for _, name := range p.Scope().Names() {
			tn, ok := p.Scope().Lookup(name).(*types.TypeName)
			if ok && !tn.IsAlias() && ownsTags(tn.Type()) {
				named = append(named, tn)
			}
		}
		slices.SortFunc(named, func(a, b *types.TypeName) int { return int(a.Pos() - b.Pos()) })
		for _, tn := range named {
			fields, err := classify(profile, tn.Type())
			if err != nil {
				return pii.Inventory{}, err
			}
			inv.Fields = append(inv.Fields, fields...)
		}
	}
	return inv, nil
}

// ownsTags reports whether t is a non-generic struct type with a pii tag on a field of
// its own.
func ownsTags(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.TypeParams().Len() > 0 {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if _, ok := reflect.StructTag(st.Tag(i)).Lookup("pii"); ok {
			return true
		}
	}
	return false
}

// classify lists the leaf fields of t as Policy.Classify does under a Policy with profile.
func classify(profile pii.Profile, t types.Type) ([]pii.Field, error) {
	b := &planner{nodes: map[nodeKey]*inode{}}
	root, err := b.node(t, rule{})
	if err != nil {
		return nil, err
	}
	l := lister{typ: typeString(t), expanding: map[types.Type]bool{}}
	l.list(root, "")
	for i := range l.fields {
		f := &l.fields[i]
		if f.Class != pii.PII {
			continue
		}
		if !profile.Counts(f.Kind) {
			f.Class, f.Profile = pii.NotPII, profile.Name()
		} else if profile.Sensitive(f.Kind) {
			f.Handling = pii.Sensitive
		}
	}
	return l.fields, nil
}
