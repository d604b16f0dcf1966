// Command gen writes the attribute table of package semconv from a checkout
// of the OpenTelemetry semantic-conventions registry: the YAML files under
// its model/ folder, in both layouts (groups of type attribute_group with
// attributes by id, and file_format definition/2 files with attributes by
// key).
//
//	go run ./gen -registry ../../../../shared/semconv/v1.44.0 -o zz_generated.go
//
// With -if-present, a registry folder that does not exist leaves the table
// as it is (go generate ./... in a checkout without the registry copy).
// -registry is the folder that holds model/ (a clone of
// github.com/open-telemetry/semantic-conventions at a release tag, or the
// copy the repository's tests use); -version the registry's release, by
// default the folder's name when it is one (v1.44.0).
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/format"
	"io/fs"
	"log"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

func main() {
	registry := flag.String("registry", "../../../../shared/semconv/v1.44.0", "the registry folder that holds model/")
	version := flag.String("version", "", "the registry release (default: the registry folder's name, when it is one like v1.44.0)")
	out := flag.String("o", "zz_generated.go", "the file to write")
	ifPresent := flag.Bool("if-present", false, "leave the table as it is, and succeed, when the registry folder does not exist (go generate ./... in a checkout without the registry)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("semconv/gen: ")
	if _, err := os.Stat(filepath.Join(*registry, "model")); err != nil && *ifPresent {
		log.Printf("no registry at %s: %s left as it is (pass -registry to regenerate)", *registry, *out)
		return
	}
	v := *version
	if v == "" {
		v = filepath.Base(filepath.Clean(*registry))
		if !releaseRE.MatchString(v) {
			log.Fatalf("cannot tell the registry's release from %s: pass -version", *registry)
		}
	}
	src, err := Generate(os.DirFS(*registry), v)
	if err != nil {
		log.Fatalf("registry %s: %v", *registry, err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}

var releaseRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+$`)

// attribute is one attribute of the registry, as the table records it.
type attribute struct {
	key        string
	typ        string // the table's Type constant
	template   bool
	stability  string
	deprecated *deprecation
	members    []member
	area       string // the model/ folder that defines it
}

type deprecation struct {
	reason, renamedTo, note string
}

func (d *deprecation) renamedToOrEmpty() string {
	if d == nil {
		return ""
	}
	return d.renamedTo
}

type member struct {
	value      string
	deprecated *deprecation
}

// The YAML shapes read. Only the fields the table needs are decoded.
type yamlFile struct {
	FileFormat string      `yaml:"file_format"`
	Groups     []yamlGroup `yaml:"groups"`
	Attributes []yamlAttr  `yaml:"attributes"` // definition/2
}

type yamlGroup struct {
	ID         string     `yaml:"id"`
	Type       string     `yaml:"type"`
	Attributes []yamlAttr `yaml:"attributes"`
}

type yamlAttr struct {
	ID         string    `yaml:"id"`
	Key        string    `yaml:"key"`
	Type       yaml.Node `yaml:"type"`
	Stability  string    `yaml:"stability"`
	Deprecated yaml.Node `yaml:"deprecated"`
}

type yamlMembers struct {
	Members []struct {
		ID         string    `yaml:"id"`
		Value      yaml.Node `yaml:"value"`
		Deprecated yaml.Node `yaml:"deprecated"`
	} `yaml:"members"`
}

type yamlDeprecated struct {
	Reason    string `yaml:"reason"`
	RenamedTo string `yaml:"renamed_to"`
	Note      string `yaml:"note"`
}

// scalarTypes maps the registry's attribute types to the table's Type
// constants.
var scalarTypes = map[string]string{
	"string":    "String",
	"int":       "Int",
	"double":    "Double",
	"boolean":   "Boolean",
	"string[]":  "StringSlice",
	"int[]":     "IntSlice",
	"double[]":  "DoubleSlice",
	"boolean[]": "BooleanSlice",
	"any":       "Any",
}

// Generate reads the registry in fsys (the folder that holds model/) and
// returns the formatted source of the table, recording version.
func Generate(fsys fs.FS, version string) ([]byte, error) {
	attrs, err := read(fsys)
	if err != nil {
		return nil, err
	}
	if len(attrs) == 0 {
		return nil, fmt.Errorf("no attributes found under model/")
	}
	return render(attrs, version)
}

func read(fsys fs.FS) ([]attribute, error) {
	var files []string
	err := fs.WalkDir(fsys, "model", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	seen := map[string]string{}
	var attrs []attribute
	for _, p := range files {
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		var f yamlFile
		if err := yaml.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		area := strings.Split(strings.TrimPrefix(p, "model/"), "/")[0]
		var list []yamlAttr
		if f.FileFormat != "" {
			list = f.Attributes // definition/2: attributes by key
		}
		for _, g := range f.Groups {
			if g.Type == "attribute_group" {
				list = append(list, g.Attributes...)
			}
		}
		for _, ya := range list {
			key := cmp.Or(ya.Key, ya.ID)
			if key == "" {
				continue // a ref: to an attribute defined elsewhere
			}
			a, err := convert(key, ya)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %v", p, key, err)
			}
			if prev, ok := seen[key]; ok {
				return nil, fmt.Errorf("%s: %s is already defined in %s", p, key, prev)
			}
			seen[key] = p
			a.area = area
			attrs = append(attrs, a)
		}
	}
	slices.SortFunc(attrs, func(a, b attribute) int { return strings.Compare(a.key, b.key) })
	return attrs, nil
}

func convert(key string, ya yamlAttr) (attribute, error) {
	a := attribute{key: key, stability: ya.Stability}
	var err error
	if a.deprecated, err = decodeDeprecated(&ya.Deprecated); err != nil {
		return a, err
	}
	switch ya.Type.Kind {
	case yaml.ScalarNode:
		t := ya.Type.Value
		if inner, ok := strings.CutPrefix(t, "template["); ok {
			a.template = true
			t = strings.TrimSuffix(inner, "]")
		}
		typ, ok := scalarTypes[t]
		if !ok {
			return a, fmt.Errorf("unknown type %q", ya.Type.Value)
		}
		a.typ = typ
	case yaml.MappingNode:
		var m yamlMembers
		if err := ya.Type.Decode(&m); err != nil {
			return a, err
		}
		allInt := len(m.Members) > 0
		values := map[string]string{} // member id -> value: renamed_to names a member by id
		for _, ym := range m.Members {
			values[ym.ID] = ym.Value.Value
		}
		for _, ym := range m.Members {
			if ym.Value.Tag != "!!int" {
				allInt = false
			}
			d, err := decodeDeprecated(&ym.Deprecated)
			if err != nil {
				return a, err
			}
			if v, ok := values[d.renamedToOrEmpty()]; ok {
				d.renamedTo = v
			}
			a.members = append(a.members, member{value: ym.Value.Value, deprecated: d})
		}
		a.typ = "String"
		if allInt {
			a.typ = "Int"
		}
	default:
		return a, fmt.Errorf("no type")
	}
	return a, nil
}

// decodeDeprecated decodes a deprecated: field: a map with reason,
// renamed_to and note, or (older registries) a bare note.
func decodeDeprecated(n *yaml.Node) (*deprecation, error) {
	switch n.Kind {
	case 0:
		return nil, nil
	case yaml.ScalarNode:
		return &deprecation{reason: "uncategorized", note: clean(n.Value)}, nil
	}
	var d yamlDeprecated
	if err := n.Decode(&d); err != nil {
		return nil, err
	}
	return &deprecation{reason: d.Reason, renamedTo: d.RenamedTo, note: clean(d.Note)}, nil
}

// clean folds a note into one line.
func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func render(attrs []attribute, version string) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, `// Code generated by go run ./gen from the semantic-conventions registry %s. DO NOT EDIT.

package semconv

// RegistryVersion is the release of the semantic-conventions registry the
// table was generated from.
const RegistryVersion = %q

// table lists every attribute of the registry, sorted by key.
var table = []Attribute{
`, version, version)
	for _, a := range attrs {
		fmt.Fprintf(&b, "{Key: %q, Type: %s", a.key, a.typ)
		if a.template {
			b.WriteString(", Template: true")
		}
		if a.stability != "" {
			fmt.Fprintf(&b, ", Stability: %q", a.stability)
		}
		if a.deprecated != nil {
			fmt.Fprintf(&b, ", Deprecated: %s", renderDeprecation(a.deprecated))
		}
		if len(a.members) > 0 {
			b.WriteString(", Members: []Member{")
			for i, m := range a.members {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "{Value: %q", m.value)
				if m.deprecated != nil {
					fmt.Fprintf(&b, ", Deprecated: %s", renderDeprecation(m.deprecated))
				}
				b.WriteString("}")
			}
			b.WriteString("}")
		}
		fmt.Fprintf(&b, ", Area: %q},\n", path.Clean(a.area))
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

func renderDeprecation(d *deprecation) string {
	s := fmt.Sprintf("&Deprecation{Reason: %q", d.reason)
	if d.renamedTo != "" {
		s += fmt.Sprintf(", RenamedTo: %q", d.renamedTo)
	}
	if d.note != "" {
		s += fmt.Sprintf(", Note: %q", d.note)
	}
	return s + "}"
}
