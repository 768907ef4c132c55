package pii

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
	return w.pol.allKinds || w.profile.Counts(k)
}

// contextualKind reports whether k is personal data only in some contexts, so that a
// jurisdiction's profile decides whether redaction hides it: an IP address, a device
// identifier, a URL, a postal code or coordinates may or may not identify a person. Every
// other kind identifies a person directly or is a special category under some supported
// law, and is hidden under every profile.
func contextualKind(k Kind) bool {
	switch k {
	case KindIP, KindDevice, KindURL, KindPostal, KindGeo:
		return true
	}
	return false
}

// WithRedactionLimitedToProfile makes redaction (Redact, Redacted, log lines, Safe) hide
// only the kinds that the Policy's profile counts as personal data, direct identifiers
// included: under PCIDSS, a tagged phone number or date of birth is then logged as it
// is. Without it, a profile narrows redaction only for the kinds whose status depends
// on context and that no supported law counts as sensitive (ip, device, postal; not
// url or geo). Choose it only when the narrow legal answer is what the logs must show.
func WithRedactionLimitedToProfile() Option {
	return func(p *Policy) error {
		p.redactByProfile = true
		return nil
	}
}
