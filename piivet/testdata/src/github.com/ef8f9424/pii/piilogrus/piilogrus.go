// Package piilogrus is a stand-in for github.com/ef8f9424/pii/piilogrus.
package piilogrus

import "github.com/ef8f9424/pii"

type Hook struct{}

func NewHook(p *pii.Policy) *Hook { return &Hook{} }

type Formatter struct{}

func NewFormatter(next any, p *pii.Policy) *Formatter { return &Formatter{} }
