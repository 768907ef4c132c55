// Package klogs logs through klog, glog and syslog, which print what they are given
// with fmt.
package klogs

import (
	"errors"
	"log/syslog"

	"github.com/golang/glog"
	"k8s.io/klog/v2"

	"github.com/ef8f9424/pii"

	"models"
)

func Log(u models.User, w *syslog.Writer) {
	klog.Info(u)                                          // want `u \(models.User carries pii tags\) reaches klog.Info`
	klog.Infof("signup %v", &u)                           // want `reaches klog.Infof`
	klog.InfoS("signup", "user", u)                       // want `reaches klog.InfoS`
	klog.ErrorS(errors.New("x"), "bad", "email", u.Email) // want `u.Email \(tagged pii:"email" at models.User.Email\) reaches klog.ErrorS`
	klog.V(2).InfoS("signup", "user", u)                  // want `reaches klog.Verbose.InfoS`
	glog.Errorf("signup %v", u)                           // want `reaches glog.Errorf`
	glog.V(1).Infof("signup %s", u.Phone)                 // want `reaches glog.Verbose.Infof`
	_ = w.Info("signup " + u.Email)                       // want `reaches syslog.Writer.Info`
	_, _ = w.Write([]byte(u.Email))                       // want `reaches syslog.Writer.Write`
	klog.InfoS("signup", "user", pii.Safe(u), "id", u.ID)
	klog.Infof("signup %T", u)
	klog.Flush()
	_ = klog.V(2).Enabled()
	_ = klog.KObj(u)
	_ = w.Close()
}
