package pii_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestReadmeCompilesAndRuns builds every Go block of README.md into a program and runs
// it, so that the README cannot rot: a block with a package clause is a program as it
// is; any other is wrapped, its type and func declarations at the top level, its
// statements in main, with the imports it names. Variables it declares and leaves unused
// are used for it, as a reader's next line would.
func TestReadmeCompilesAndRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs: not in -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := readmeGoBlocks(string(readme))
	if len(blocks) == 0 {
		t.Fatal("README.md has no Go blocks")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := fmt.Sprintf("module readme\n\ngo 1.26\n\nrequire github.com/ef8f9424/pii v0.0.0\n\nreplace github.com/ef8f9424/pii => %s\n", root)
	write(t, filepath.Join(dir, "go.mod"), gomod)
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.sum"), string(sum))
	for i, b := range blocks {
		write(t, filepath.Join(dir, fmt.Sprintf("block%02d", i), "main.go"), readmeProgram(b.code))
	}
	run := func(args ...string) (string, error) {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("build", "-o", filepath.Join(dir, "bin")+string(filepath.Separator), "./..."); err != nil {
		t.Fatalf("README blocks do not build:\n%s", out)
	}
	for i, b := range blocks {
		cmd := exec.Command(filepath.Join(dir, "bin", fmt.Sprintf("block%02d", i)))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("README.md line %d: the block fails when run: %v\n%s", b.line, err, out)
		}
		t.Logf("README.md line %d prints:\n%s", b.line, out)
	}
}

type readmeBlock struct {
	line int
	code string
}

func readmeGoBlocks(md string) []readmeBlock {
	var blocks []readmeBlock
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```go" {
			continue
		}
		start := i + 1
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
		}
		blocks = append(blocks, readmeBlock{line: start + 1, code: strings.Join(lines[start:i], "\n")})
	}
	return blocks
}

// readmeImports are the packages a README block may name, by the name it uses.
var readmeImports = map[string]string{
	"pii": "github.com/ef8f9424/pii", "slog": "log/slog", "fmt": "fmt", "os": "os",
	"time": "time", "context": "context", "errors": "errors", "json": "encoding/json",
	"strings": "strings", "io": "io", "log": "log", "reflect": "reflect", "bytes": "bytes",
}

var (
	readmeDeclared = regexp.MustCompile(`^\s*([A-Za-z_][\w, ]*?)\s*:=`)
	readmeUse      = regexp.MustCompile(`\b([a-z]+)\.[A-Z]`)
)

// readmeProgram turns a README block into a program.
func readmeProgram(code string) string {
	if strings.HasPrefix(strings.TrimSpace(code), "package ") {
		return code
	}
	var decls, stmts []string
	var vars []string
	lines := strings.Split(code, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "type ") || strings.HasPrefix(l, "func ") {
			j := i
			if strings.HasSuffix(strings.TrimSpace(l), "{") || strings.HasSuffix(strings.TrimSpace(l), "(") {
				for j = i + 1; j < len(lines) && lines[j] != "}" && lines[j] != ")"; j++ {
				}
			}
			decls = append(decls, lines[i:min(j+1, len(lines))]...)
			i = j
			continue
		}
		stmts = append(stmts, l)
		if m := readmeDeclared.FindStringSubmatch(l); m != nil {
			for _, name := range strings.Split(m[1], ",") {
				if name = strings.TrimSpace(name); name != "_" && !slices.Contains(vars, name) {
					vars = append(vars, name)
				}
			}
		}
	}
	var imports []string
	var uncommented strings.Builder
	for _, l := range lines {
		l, _, _ = strings.Cut(l, "//")
		uncommented.WriteString(l + "\n")
	}
	for _, m := range readmeUse.FindAllStringSubmatch(uncommented.String(), -1) {
		if path, ok := readmeImports[m[1]]; ok && !slices.Contains(imports, path) {
			imports = append(imports, path)
		}
	}
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for _, path := range imports {
		fmt.Fprintf(&b, "\t%q\n", path)
	}
	b.WriteString(")\n\n")
	b.WriteString(strings.Join(decls, "\n"))
	b.WriteString("\n\nfunc main() {\n")
	b.WriteString(strings.Join(stmts, "\n"))
	b.WriteString("\n")
	for _, v := range vars {
		fmt.Fprintf(&b, "\t_ = %s\n", v)
	}
	b.WriteString("}\n")
	return b.String()
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
