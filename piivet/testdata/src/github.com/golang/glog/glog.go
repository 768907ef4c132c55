// Package glog is a stand-in for github.com/golang/glog.
package glog

func Info(args ...any)                  {}
func Errorf(format string, args ...any) {}
func Exitln(args ...any)                {}
func V(level int) Verbose               { return true }

type Verbose bool

func (v Verbose) Infof(format string, args ...any) {}
