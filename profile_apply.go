package pii

import "unsafe"

// applyProfile adjusts a field as Classify reports it under the Policy's profile: a kind
// the profile does not count becomes Not PII (naming the profile that decided), and a kind
// it holds sensitive gets sensitive handling.
func (p *Policy) applyProfile(f *Field) {
	if f.Class != PII {
		return
	}
	if !p.profile.Counts(f.Kind) {
		f.Class, f.Profile = NotPII, p.profile.Name()
		return
	}
	if p.profile.Sensitive(f.Kind) {
		f.Handling = Sensitive
	}
}

// profileNarrows reports whether the profile leaves some kind out.
func (p *Policy) profileNarrows() bool { return p.narrows }

// counts reports whether kind k is personal data for this walk: under the Policy's
// profile, widened by the record's parties when WithPartyJurisdiction is set.
func (w *walker) counts(k Kind) bool {
	if w.pol.allKinds {
		return true
	}
	return w.profile.Counts(k)
}

// partyLeaf widens the walk's profile by the region of a phone value.
func (w *walker) partyLeaf(p unsafe.Pointer, n *node) {
	if n.rule.tag.Kind != KindPhone || !n.rule.pii() || n.lk != lkString {
		return
	}
	if pr, ok := profileForPhone(*(*string)(p)); ok {
		w.profile = Combine(w.profile, pr)
	}
}
