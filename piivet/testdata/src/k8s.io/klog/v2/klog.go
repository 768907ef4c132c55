// Package klog is a stand-in for k8s.io/klog/v2.
package klog

func Info(args ...any)                        {}
func Infof(format string, args ...any)        {}
func InfoS(msg string, keysAndValues ...any)  {}
func ErrorS(err error, msg string, kv ...any) {}
func Warningf(format string, args ...any)     {}
func V(level int) Verbose                     { return Verbose{} }
func Flush()                                  {}
func KObj(obj any) ObjectRef                  { return ObjectRef{} }

type ObjectRef struct{}

type Verbose struct{}

func (v Verbose) Info(args ...any)                       {}
func (v Verbose) Infof(format string, args ...any)       {}
func (v Verbose) InfoS(msg string, keysAndValues ...any) {}
func (v Verbose) Enabled() bool                          { return true }
