package pii

import "unsafe"

// partyAction widens the walk's profile by the regions of the phone numbers a record
// holds (WithPartyJurisdiction). It writes nothing.
type partyAction struct{}

func (partyAction) readsOnly() bool { return true }

func (partyAction) leaf(w *walker, n *node, p unsafe.Pointer) error {
	if n.rule.tag.Kind != KindPhone || !n.rule.pii() {
		return nil
	}
	var phone string
	switch n.lk {
	case lkString:
		phone = *(*string)(p)
	case lkBytes:
		phone = string(*(*[]byte)(p))
	default:
		return nil
	}
	if pr, ok := profileForPhone(phone); ok {
		w.profile = Combine(w.profile, pr)
	}
	return nil
}

// partyProfile returns the profile of the record of node n at p under the Policy of w:
// the Policy's, widened by the record's parties. Its walk starts as deep as w is, so
// that it meets the depth limit where w would.
func partyProfile(w *walker, n *node, p unsafe.Pointer) (Profile, error) {
	c := walker{pol: w.pol, act: partyAction{}, profile: w.profile, depth: w.depth}
	c.start(n)
	err := c.walk(n, p)
	return c.profile, err
}
