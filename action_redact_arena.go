package pii

import (
	"unsafe"
)

// inArena returns the mask of s, a value of kind k, under strategy st, written in the
// record's arena: one allocation for all the masked strings of the record, made for the
// first mask that writes something (a body or a secret leaves nothing, an unchanged
// value is itself), as large as the last record of the type needed.
func (a *redactAction) inArena(k Kind, st redactStrategy, s, placeholder string) string {
	if a.arena != nil {
		out, arena := maskInArena(a.arena, k, st, s, placeholder)
		a.arena = arena
		return out
	}
	// The record's first mask is written on the stack, and moved to an arena only if
	// it wrote anything.
	var scratch [maskStack]byte
	out, wrote := maskInArena(scratch[:0], k, st, s, placeholder)
	if len(wrote) == 0 {
		if len(out) == 0 {
			return "" // not s[:0], whose pointer would keep all of s alive
		}
		return s[:len(out)] // a part of s, never the scratch's bytes
	}
	size := max(2*len(s), arenaChunk, len(wrote))
	if a.hint != nil {
		size = max(size, int(a.hint.Load()))
	}
	a.arena = append(make([]byte, 0, size), wrote...)
	return unsafe.String(unsafe.SliceData(a.arena), len(a.arena))
}

// borrowArena makes buf (emptied), the arena of a lent copy (see lentBox), the arena of
// the next record, and returns the walker's own arena, to be given back by returnArena.
func (a *redactAction) borrowArena(buf []byte) (own []byte) {
	own, a.arena = a.arena, buf[:0]
	return own
}

// returnArena ends a record redacted in a borrowed arena: the size it took is
// remembered for the next of its type (see end), the walker has its own arena again,
// and the borrowed one, emptied, is returned whole (grown, if the record needed more),
// unless it is larger than an arena made before a record needs it (arenaHintMax): a
// huge string, masked once, is not kept alive in the pool.
func (a *redactAction) returnArena(own []byte) (borrowed []byte) {
	a.end()
	a.hint = nil
	borrowed, a.arena = a.arena[:0], own
	if cap(borrowed) > arenaHintMax {
		borrowed = nil
	}
	return borrowed
}

// The arena's sizes. A new arena has room for arenaChunk bytes at least, and what a
// record leaves of it goes to the next record, in a pooled walker, while arenaMin bytes
// are left or as many as the last record of the next one's type needed: the masked
// strings of several small records share one allocation, as the runtime packs small
// objects together. The cost is that a record kept long keeps the whole arena alive,
// so only arenas of about arenaChunk are shared: one that a large record used or left
// much room in is not (at most two chunks' worth is ever kept alive by another
// record's strings).
const (
	arenaChunk   = 512
	arenaMin     = 64
	arenaHintMax = 64 << 10 // the largest arena made before a record needs it
)

// end remembers how much of the arena this record used, for the next of its type, up
// to arenaHintMax. A new arena is made as large as the hint before the record shows
// how much it needs: a record as large as the last of its type takes one allocation
// for its strings, however large (up to the bound), and a small record after a large
// one keeps an arena of the large one's size alive with its strings (at most the
// bound). Larger records grow their arena as they go.
func (a *redactAction) end() {
	if a.hint != nil && a.arena != nil && int32(min(len(a.arena), arenaHintMax)) != a.hint.Load() {
		a.hint.Store(int32(min(len(a.arena), arenaHintMax)))
	}
}
