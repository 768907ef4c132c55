package pii

import "fmt"

// anonKindDefault returns the strategy a field of the given kind gets when its tag names
// none, following the README's table. Phones, emails, names and device identifiers get a
// keyed pseudonym, which keeps them countable and linkable, when the policy has a
// pseudonym key; without one, phones and emails fall back to their generalisation
// (country code, domain) and names and devices are dropped, so that a policy without a
// key can still anonymise. Kinds with a useful coarser form are generalised; everything
// else is dropped.
func anonKindDefault(kind Kind, haveKey bool) anonStrategy {
	switch kind {
	case KindPhone, KindEmail:
		if haveKey {
			return anonPseudonym
		}
		return anonGeneralize
	case KindName, KindDevice:
		if haveKey {
			return anonPseudonym
		}
		return anonDrop
	case KindIP, KindCard, KindPostal, KindDOB, KindGeo, KindDate, KindAge:
		return anonGeneralize
	}
	return anonDrop
}

// An anonEnv is what anonymising a value needs from the policy. Its zero value has no
// keys: pseudonyms and sealing then fail with ErrNoKey.
type anonEnv struct {
	keys   *anonKeyring // pseudonym key; nil if the policy has none
	sealer *sealer      // seal public key; nil if the policy has none
	region string       // default region for phone numbers without a country code
	// dry makes anonymizeLeaf check what a leaf needs and write nothing: the first pass
	// of an all-or-nothing Anonymize.
	dry bool
}

// check returns what anonymising a leaf laid out as lk under strategy strat (already
// resolved from the kind) would fail with: ErrNoKey for a key the policy lacks, ErrKindType
// for a strategy the leaf's Go type cannot take. Secrets never get here with a strategy
// other than drop. It is the whole of what can fail, so that a value passing it for every
// leaf anonymises without error (but for a failure of the system's random source).
func (e *anonEnv) check(strat anonStrategy, lk leafKind) error {
	text := lk == lkString || lk == lkBytes
	switch {
	case text && strat == anonPseudonym && e.keys == nil, text && strat == anonSeal && e.sealer == nil:
		return ErrNoKey
	case !text && lk != lkCustom && (strat == anonSeal || strat == anonPseudonym):
		name := "pseudonym"
		if strat == anonSeal {
			name = "seal"
		}
		return fmt.Errorf("%w: anon=%s needs a string or []byte field", ErrKindType, name)
	}
	return nil
}

// anonymizeString returns the anonymised form of a string leaf of the given kind under
// strategy strat (anonDefault resolves per kind). path names the field: sealing binds the
// envelope to it. A missing key is ErrNoKey, unwrapped: the caller adds the path.
//
// Secrets are dropped whatever the strategy, as they are never kept. An envelope is left
// as it is by seal, so anonymising twice is harmless, and the empty string stays empty.
func (e *anonEnv) anonymizeString(kind Kind, strat anonStrategy, value, path string) (string, error) {
	if kind == KindSecret {
		return "", nil
	}
	if strat == anonDefault {
		strat = anonKindDefault(kind, e.keys != nil)
	}
	switch strat {
	case anonPseudonym:
		if e.keys == nil {
			return "", ErrNoKey
		}
		return e.keys.pseudonym(kind, value, e.region), nil
	case anonGeneralize:
		return anonGeneralizeValue(kind, value, e.region), nil
	case anonSeal:
		if e.sealer == nil {
			return "", ErrNoKey
		}
		if value == "" || e.sealer.isOwnEnvelope(value) {
			return value, nil
		}
		return e.sealer.seal([]byte(value), path)
	}
	return "", nil // anonDrop, and fail closed on anything unknown
}
