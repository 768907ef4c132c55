package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The module TestRunsStandaloneAndUnderVet checks: two packages, as a service writes
// them, with the mistakes piivet exists to find and code it must leave alone.
var runModule = map[string]string{
	"model/model.go": `package model

type User struct {
	ID    int64  ` + "`pii:\"no\"`" + `
	Email string ` + "`pii:\"email\"`" + `
	Phone string ` + "`pii:\"phnoe\"`" + `
	Note  string
}

type Stats struct {
	Count int ` + "`pii:\"no\"`" + `
}
`,
	"app/app.go": `package app

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"

	"example.com/run/model"
	"github.com/ef8f9424/pii"
)

func logf(format string, args ...any) { log.Printf(format, args...) }

func Handle(u model.User, s model.Stats, p *pii.Policy) {
	log.Printf("signup %+v", u)
	_, _ = json.Marshal(&u)
	logf("user %v", u)
	log.Println("mail to " + u.Email)
	fmt.Println(s, u.ID, pii.Safe(u))
	r, _ := pii.Redacted(p, u)
	log.Printf("signup %+v", r)
	log.Println(u) //piivet:ignore shown to the user it belongs to
	slog.Info("signup", "user", u)
}
`,
	// logging sets the handler as slog's default; mid imports it, far imports mid:
	// under go vet too, far learns it (the fact is passed on through mid).
	"logging/logging.go": `package logging

import (
	"log/slog"
	"os"

	"github.com/ef8f9424/pii"
)

func Setup() {
	slog.SetDefault(slog.New(pii.NewHandler(slog.NewJSONHandler(os.Stdout, nil), nil)))
}
`,
	"mid/mid.go": `package mid

import (
	"log/slog"

	"example.com/run/logging"
	"example.com/run/model"
)

func init() { logging.Setup() }

func Log(u model.User) { slog.Info("signup", "user", u) }
`,
	"far/far.go": `package far

import (
	"log/slog"

	"example.com/run/mid"
	"example.com/run/model"
)

func Log(u model.User) {
	mid.Log(u)
	slog.Info("signup", "user", u)
	slog.Info("signup", "email", u.Email)
}
`,
}

// runWant is what piivet reports on runModule, file:line:col and message start.
var runWant = []string{
	"app/app.go:16:27: pii: u (model.User carries pii tags) reaches log.Printf",
	"app/app.go:17:22: pii: &u (*model.User carries pii tags) reaches json.Marshal",
	"app/app.go:18:18: pii: u (model.User carries pii tags) reaches app.logf, which hands it to log.Printf",
	"app/app.go:19:14: pii: \"mail to \" + u.Email holds u.Email",
	"app/app.go:24:30: pii: u (model.User carries pii tags) is logged through slog, and this package never builds a pii.NewHandler",
	"far/far.go:13:31: pii: u.Email (tagged pii:\"email\" at model.User.Email) is logged through slog as it is",
	"model/model.go:6:15: pii: model.User.Phone: tag \"phnoe\": unknown kind",
	"model/model.go:7:2: pii: model.User.Note has no pii tag",
}

// TestRunsStandaloneAndUnderVet builds the command and runs it on a module of its own,
// as piivet ./... and as go vet -vettool: both report the same mistakes, at the same
// places, and exit non-zero.
func TestRunsStandaloneAndUnderVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and runs the go command")
	}
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "piivet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	mod := filepath.Join(dir, "mod")
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": "module example.com/run\n\ngo 1.26\n\nrequire (\n\tgithub.com/ef8f9424/pii v0.0.0\n" +
			"\tgithub.com/nyaruka/phonenumbers v1.8.1 // indirect\n\tgolang.org/x/text v0.31.0 // indirect\n" +
			"\tgoogle.golang.org/protobuf v1.36.11 // indirect\n)\n\nreplace github.com/ef8f9424/pii => " + root + "\n",
		"go.sum": string(sum),
	}
	for name, src := range runModule {
		files[name] = src
	}
	for name, src := range files {
		path := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{bin, "./..."}, {"go", "vet", "-vettool=" + bin, "./..."}} {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir = mod
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if err == nil {
			t.Errorf("%v: exit 0, want non-zero", args)
		}
		if diff := cmp.Diff(runWant, reports(out.String(), mod)); diff != "" {
			t.Errorf("%v (-want +got):\n%s\noutput:\n%s", args, diff, out.String())
		}
	}
}

// report matches a diagnostic line; reports returns them relative to dir, cut to the
// length of the corresponding want, sorted.
var report = regexp.MustCompile(`^(?:\./)?(\S+\.go:\d+:\d+: .*)$`)

func reports(out, dir string) []string {
	var got []string
	for line := range strings.Lines(out) {
		line = strings.TrimPrefix(strings.TrimSpace(line), dir+string(filepath.Separator))
		m := report.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, w := range runWant {
			if strings.HasPrefix(m[1], w) {
				m[1] = w
				break
			}
		}
		got = append(got, m[1])
	}
	slices.Sort(got)
	return got
}
