// Package piizap is a stand-in for github.com/ef8f9424/pii/piizap.
package piizap

import (
	"github.com/ef8f9424/pii"
	"go.uber.org/zap"
)

type Core interface{}

func NewCore(next Core, p *pii.Policy) Core { return next }

// Build builds a logger whose core is NewCore's.
func Build(cfg zap.Config, p *pii.Policy) (*zap.Logger, error) { return nil, nil }
