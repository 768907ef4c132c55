package pii

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// A builder makes the nodes of one plan. It runs under buildLock.
type builder struct {
	building map[nodeKey]*node // nodes made by this build, finished or not
	made     []*node
	// hidden holds the unexported fields of the structs made, which become members
	// only where their types carry pii tags (see promote).
	hidden map[*node][]member
}

// newNode returns the node of type t under rule ctx, with its plan still to be made.
func newNode(t reflect.Type, ctx rule) *node {
	fields, deep := hiddenIfaces(t)
	return &node{typ: t, ptrNil: reflect.Zero(reflect.PointerTo(t)).Interface(), assign: assignOpsOf(t), size: t.Size(),
		rule: ctx, short: noShort, hides: len(fields) > 0 || deep}
}

func (b *builder) node(t reflect.Type, ctx rule) (*node, error) {
	key := nodeKey{t, ctx}
	if n, ok := nodes.Load(key); ok {
		return n.(*node), nil
	}
	if n, ok := b.building[key]; ok {
		return n, nil // a recursive type: its node is being built further up
	}
	n := newNode(t, ctx)
	b.building[key] = n
	b.made = append(b.made, n)
	if err := b.fill(n, t, ctx); err != nil {
		return nil, err
	}
	return n, nil
}

// tryNode returns the node of t under ctx, or nil when its tags are wrong: then the
// nodes made on the way are forgotten, so that none half made is ever published.
func (b *builder) tryNode(t reflect.Type, ctx rule) *node {
	mark := len(b.made)
	n, err := b.node(t, ctx)
	if err == nil {
		return n
	}
	for _, made := range b.made[mark:] {
		delete(b.building, nodeKey{made.typ, made.rule})
		delete(b.hidden, made)
	}
	clear(b.made[mark:])
	b.made = b.made[:mark]
	return nil
}

func (b *builder) fill(n *node, t reflect.Type, ctx rule) error {
	if isRuntimeOwned(t) {
		// What a reflect.Type holds: never data, and never copied (a copy printed
		// stops the process; see rtypePtrType).
		n.op = opOpaque
		if ctx.pii() {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", ErrKindType, t, ctx.tag.Kind))
		}
		return nil
	}
	// A Redactor is a leaf only where a PII tag asks for its redaction; untagged, it is
	// an ordinary value whose own fields and tags count.
	if lk := leafKindOf(t, ctx.pii()); lk != lkNone {
		n.op, n.lk = opLeaf, lk
		if ctx.pii() && !kindFits(ctx.tag.Kind, lk) {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", ErrKindType, t, ctx.tag.Kind))
		}
		if lk == lkString && ctx.pii() && ctx.redact == redactDefault && ctx.tag.Handling != Sensitive {
			n.short = ctx.tag.Kind
		}
		return nil
	}
	var err error
	switch t.Kind() {
	case reflect.Struct:
		if isSQLNull(t) {
			n.op, n.offset = opNull, t.Field(1).Offset
			n.elem, err = b.node(t.Field(0).Type, ctx)
			return err
		}
		n.op = opStruct
		n.locks = locksIn(t, 0, nil, 0)
		n.prints = ctx.tag.Class == Untagged && printsItself(t) && !carriesTags(t, map[reflect.Type]bool{})
		return b.fillStruct(n, t, ctx)
	case reflect.Pointer:
		n.op = opPtr
		n.prints = ctx.tag.Class == Untagged && t.Elem().Kind() == reflect.Struct && printsItself(t) &&
			!carriesTags(t.Elem(), map[reflect.Type]bool{})
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Slice:
		n.op, n.elemSize = opSlice, t.Elem().Size()
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Array:
		n.op, n.elemSize, n.length = opArray, t.Elem().Size(), t.Len()
		n.locks = locksIn(t, 0, nil, 0) // an array copied whole holds its elements' locks
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Map:
		n.op, n.nanKeys = opMap, mayHoldNaN(t.Key(), 0)
		textKeys := t.Key().Kind() == reflect.String || t.Key().Kind() == reflect.Interface
		n.keyText = ctx.pii() && textKeys
		n.keyHolds = ctx.pii() && t.Key().Kind() != reflect.String && holdsText(t.Key(), 0)
		n.keyString = ctx.tag.Class == Untagged && textKeys
		if n.key, err = b.node(t.Key(), rule{}); err != nil {
			return err
		}
		n.elem, err = b.node(t.Elem(), ctx)
	case reflect.Interface:
		n.op = opIface
	default: // chan, func, complex, unsafe.Pointer: nothing a walk can redact
		n.op = opOpaque
		if ctx.pii() {
			return ctxError(ctx, fmt.Errorf("%w: %s cannot hold %s", ErrKindType, t, ctx.tag.Kind))
		}
	}
	return err
}

func (b *builder) fillStruct(n *node, t reflect.Type, ctx rule) error {
	created := ""
	for i := range t.NumField() {
		sf := t.Field(i)
		raw, tagged, err := LookupTag(sf.Tag)
		if err != nil {
			te := err.(*TagError)
			te.Type, te.Field = t.String(), sf.Name
			return te
		}
		fieldCtx := ctx
		if tagged {
			tag, err := ParseTag(raw)
			if err != nil {
				te := err.(*TagError)
				te.Type, te.Field = t.String(), sf.Name
				return te
			}
			if tag.Created {
				if !isTimeField(sf.Type) || created != "" || !sf.IsExported() {
					return createdFieldError(t, sf, raw, created)
				}
				created = sf.Name
			}
			fieldCtx = rule{tag: tag, origin: t.String() + "." + sf.Name}
			fieldCtx.redact = redactStrategyNames[tag.Redact]
			fieldCtx.anon = anonStrategyNames[tag.Anon]
		}
		ft := sf.Type
		embeddedStruct := sf.Anonymous && (ft.Kind() == reflect.Struct ||
			ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct)
		// An embedded field is walked whatever its type and spelling: its methods and
		// fields are promoted, and fmt prints it (struct{ error; Code int } prints the
		// embedded error through its promoted Error).
		m := member{name: sf.Name, qualified: t.String() + "." + sf.Name,
			embedded: embeddedStruct, index: i, offset: sf.Offset}
		if !sf.IsExported() && !sf.Anonymous {
			if tagged && fieldCtx.pii() {
				return &TagError{Type: t.String(), Field: sf.Name, Tag: raw, Err: ErrUnexportedPII}
			}
			// Like encoding/json, unexported fields are not the type's data, unless
			// what one holds carries pii tags of its own (owner User, users []*User):
			// fmt and text handlers print it, so it is walked as its type's tags say
			// (see builder.promote). An enclosing tag does not reach it.
			// A type whose tags are wrong, there, is left as it was before: not walked.
			if !tagged {
				fieldCtx = rule{}
			}
			if m.node = b.tryNode(ft, fieldCtx); m.node != nil {
				if b.hidden == nil {
					b.hidden = map[*node][]member{}
				}
				b.hidden[n] = append(b.hidden[n], m)
			}
			continue
		}
		if m.node, err = b.node(ft, fieldCtx); err != nil {
			return err
		}
		n.members = append(n.members, m)
	}
	// A record has one creation time: a created field of its own and one promoted from
	// an embedded struct, or two promoted, are one too many; one behind an embedded
	// pointer could be nil, so it must be embedded by value.
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.Anonymous {
			continue
		}
		ft, byPointer := sf.Type, false
		if ft.Kind() == reflect.Pointer {
			ft, byPointer = ft.Elem(), true
		}
		if recordOf(ft) == nil {
			continue
		}
		if created != "" || byPointer {
			return createdEmbedError(t, sf, created)
		}
		created = sf.Name
	}
	if len(n.members) == 0 && ctx.pii() {
		// Fail closed: a PII tag on a struct with nothing exported would redact nothing.
		return ctxError(ctx, fmt.Errorf("%w: %s has no exported fields", ErrKindType, t))
	}
	return nil
}

// finish settles hasPII over the nodes of a build (a fixpoint, since recursive types
// point back at themselves), prunes the struct walks, and publishes the nodes.
func (b *builder) finish() {
	b.settle()
	for b.promote() {
		b.settle()
	}
	// Wrapper errors may hold personal data in their text: mark them, and settle again
	// what leads to them.
	marked := false
	for _, n := range b.made {
		n.unwraps = isWrapper(n.typ)
		if !n.holds && n.unwraps {
			n.wraps = true
			if !n.hasPII {
				n.hasPII, marked = true, true
			}
		}
	}
	for changed := marked; changed; {
		changed = false
		for _, n := range b.made {
			if !n.hasPII && n.computeHasPII() {
				n.hasPII, changed = true, true
			}
		}
	}
	for _, n := range b.made {
		n.nests = n.wraps && (n.holdsWrappers() || hidesWrappers(n.typ))
	}
	b.publish()
}

// holdsWrappers reports whether a walk from n, a wrapper error, goes into anything
// below it: what it meets there can only be other wrapper errors, since n holds nothing
// else a walk reaches (see holds). A pointer to a wrapper whose methods have value
// receivers leads to that same error, and counts only for what that one holds.
func (n *node) holdsWrappers() bool {
	if n.op == opPtr && n.elem.wraps {
		return n.elem.holdsWrappers()
	}
	if n.op == opMap && n.key.hasPII {
		return true
	}
	return n.derive(func(*node) bool { return false }, func(c *node) bool { return c.hasPII })
}

// promote makes members of the unexported fields whose types carry pii tags, as settle
// found them, and reports whether it made any: what leads to them must be settled again.
func (b *builder) promote() bool {
	promoted := false
	for n, hidden := range b.hidden {
		rest := hidden[:0]
		for _, m := range hidden {
			if !m.node.tagged {
				rest = append(rest, m)
				continue
			}
			n.members = append(n.members, m)
			promoted = true
		}
		b.hidden[n] = rest
		slices.SortFunc(n.members, func(a, b member) int { return a.index - b.index })
	}
	return promoted
}

// settle computes the properties of the nodes of a build from their members and
// elements (a fixpoint, since recursive types point back at themselves).
func (b *builder) settle() {
	for changed := true; changed; {
		changed = false
		for _, n := range b.made {
			if !n.hasPII && n.computeHasPII() {
				n.hasPII, changed = true, true
			}
			if !n.holds && n.computeHolds() {
				n.holds, changed = true, true
			}
			if !n.scans && n.computeScans() {
				n.scans, changed = true, true
			}
			if !n.tagged && n.computeTagged() {
				n.tagged, changed = true, true
			}
			if !n.text && n.computeText() {
				n.text, changed = true, true
			}
			if !n.plain && n.computePlain() {
				n.plain, changed = true, true
			}
			if !n.mutable && n.computeMutable() {
				n.mutable, changed = true, true
			}
			if !n.dynamic && n.derive(func(n *node) bool { return n.op == opIface },
				func(c *node) bool { return c.dynamic }) {
				n.dynamic, changed = true, true
			}
		}
	}
}

// publish prunes the struct walks of the nodes of a build, and publishes the nodes.
func (b *builder) publish() {
	for _, n := range b.made {
		for r := range reach(numReach) {
			for i := range n.members {
				m := &n.members[i]
				if m.node.reachedBy(r) {
					leaf := m.node.op == opLeaf && !m.node.wraps
					n.walkBy[r] = append(n.walkBy[r], walkMember{offset: m.offset, node: m.node, leaf: leaf, of: m})
				}
			}
		}
	}
	for _, n := range b.made {
		n.reenters = n.computeReenters()
		n.ownEntries = n.op == opMap && holdsRedactor(n.elem)
	}
	for _, n := range b.made {
		n.inherits = n.op == opIface && n.rule != (rule{})
		n.step = stepOf(n.op)
		switch {
		case n.wraps:
			n.step = stepWrapper
		case n.hidesErrorText():
			n.step = stepErrorText
		case n.keepsUnderTag():
			n.step = stepKeptUnderTag
		case n.prints:
			n.step = stepPrinted
		}
	}
	for key, n := range b.building {
		nodes.Store(key, n)
	}
}

// computeReenters says whether a walk from n can meet n's own value again: through a
// pointer to n's type somewhere below it, or through an interface, which may hold one.
func (n *node) computeReenters() bool {
	if n.dynamic {
		return true
	}
	seen := map[*node]bool{}
	var leadsBack func(c *node) bool
	leadsBack = func(c *node) bool {
		if c == nil || seen[c] {
			return false
		}
		seen[c] = true
		if c.op == opPtr && c.elem == n {
			return true
		}
		for _, m := range c.members {
			if leadsBack(m.node) {
				return true
			}
		}
		return leadsBack(c.elem) || leadsBack(c.key)
	}
	for _, m := range n.members {
		if leadsBack(m.node) {
			return true
		}
	}
	return leadsBack(n.elem) || leadsBack(n.key)
}

// computeHasPII says whether personal data can sit at or under n, from its children's
// current answers.
func (n *node) computeHasPII() bool { return n.computePII(func(c *node) bool { return c.hasPII }) }

// computeHolds says what computeHasPII says, from what the nodes below hold (see holds).
func (n *node) computeHolds() bool { return n.computePII(func(c *node) bool { return c.holds }) }

// computePII is computeHasPII and computeHolds, from below, the property of the nodes below n.
func (n *node) computePII(below func(*node) bool) bool {
	if n.op == opMap && (below(n.key) || n.keyText || n.keyHolds) {
		// Keys that may hold tagged values are refused when walked (see ErrMapKey);
		// string keys under a PII tag are scanned (see keyAction).
		return true
	}
	if n.keepsUnderTag() {
		return true // what it keeps is looked at by a redaction (see stepKeptUnderTag)
	}
	return n.derive(func(n *node) bool {
		// What an interface holds is known only when walked, and the tags of its
		// dynamic type apply even under a "no" tag: "no" speaks of leaves, never of
		// the tagged values a container holds.
		return n.op == opIface || n.lk == lkSlog || n.lk == lkReflect || n.rule.pii()
	}, below)
}

// computeScans says whether a redact=scan leaf sits at or under n.
func (n *node) computeScans() bool {
	return n.derive(func(n *node) bool {
		return n.op == opLeaf && n.rule.pii() && n.rule.redact == redactScan
	}, func(c *node) bool { return c.scans })
}

// computeText says whether an untagged string leaf, or an interface, sits at or under n.
func (n *node) computeText() bool {
	if n.op == opMap && n.keyString || n.prints {
		return true
	}
	return n.derive(func(n *node) bool {
		return n.op == opIface ||
			n.op == opLeaf && n.rule.tag.Class == Untagged && (n.lk == lkString || n.lk == lkBytes)
	}, func(c *node) bool { return c.text })
}

// computeMutable says whether something a caller can change in place (a map, slice,
// pointer, interface or []byte) sits at or under n.
func (n *node) computeMutable() bool {
	switch n.op {
	case opMap, opSlice, opPtr, opIface:
		return true
	case opLeaf:
		return n.lk == lkBytes || n.lk == lkNetIP || n.lk == lkSlog || n.lk == lkURLPtr
	}
	return n.derive(func(*node) bool { return false }, func(c *node) bool { return c.mutable })
}

// computePlain says whether a string leaf that is not PII, or an interface, sits at or
// under n.
func (n *node) computePlain() bool {
	return n.derive(func(n *node) bool {
		return n.op == opIface || n.op == opLeaf && !n.rule.pii() && (n.lk == lkString || n.lk == lkBytes)
	}, func(c *node) bool { return c.plain })
}

// computeTagged says whether a PII leaf sits at or under n by the tags alone. A map whose
// keys hold one counts: the walk must reach it to refuse it (see ErrMapKey), even in an
// unexported field, which fmt prints keys and all.
func (n *node) computeTagged() bool {
	if n.op == opMap && n.key.tagged {
		return true
	}
	return n.derive(func(n *node) bool { return n.op == opLeaf && n.rule.pii() },
		func(c *node) bool { return c.tagged })
}

// derive computes a property that holds at a node when it holds of the node itself
// (leaves and interfaces: self) or of any of its children (below).
func (n *node) derive(self, below func(*node) bool) bool {
	switch n.op {
	case opLeaf, opIface:
		return self(n)
	case opStruct:
		for _, m := range n.members {
			if below(m.node) {
				return true
			}
		}
	case opPtr, opSlice, opArray, opMap, opNull:
		return below(n.elem)
	}
	return false
}

func ctxError(ctx rule, err error) error {
	typ, field := ctx.origin, ""
	if i := strings.LastIndexByte(ctx.origin, '.'); i >= 0 {
		typ, field = ctx.origin[:i], ctx.origin[i+1:]
	}
	return &TagError{Type: typ, Field: field, Tag: ctx.tag.String(), Err: err}
}
