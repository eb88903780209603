package api

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

type openAPISpec struct {
	Paths      map[string]map[string]operation `json:"paths"`
	Components map[string]map[string]any       `json:"components"`
}

type operation struct {
	Responses map[string]any `json:"responses"`
}

func loadSpec(t *testing.T) openAPISpec {
	t.Helper()
	var spec openAPISpec
	if err := json.Unmarshal(openAPIDocument, &spec); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return spec
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	spec := loadSpec(t)
	documented := map[string]bool{}
	for p, ops := range spec.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	served := map[string]bool{}
	for _, rt := range New(Config{}).routes() {
		key := rt.method + " " + rt.pattern
		served[key] = true
		if !documented[key] {
			t.Errorf("route %s is not in openapi.json", key)
		}
	}
	for key := range documented {
		if !served[key] {
			t.Errorf("openapi.json documents %s, which routes.go does not serve", key)
		}
	}
}

// resolve follows a $ref inside the spec (local references only).
func (s openAPISpec) resolve(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	ref, ok := m["$ref"].(string)
	if !ok {
		return v
	}
	parts := strings.Split(strings.TrimPrefix(ref, "#/components/"), "/")
	return s.resolve(s.Components[parts[0]][parts[1]])
}

// responseSchema is the documented JSON schema of a route's response with this status, or nil.
func (s openAPISpec) responseSchema(route, method string, status int) (map[string]any, bool) {
	op, ok := s.Paths[route][strings.ToLower(method)]
	if !ok {
		return nil, false
	}
	r, ok := op.Responses[strconv.Itoa(status)]
	if !ok {
		return nil, false
	}
	content, _ := s.resolve(r).(map[string]any)["content"].(map[string]any)
	for ct, media := range content {
		if strings.Contains(ct, "json") {
			schema, _ := s.resolve(media.(map[string]any)["schema"]).(map[string]any)
			return schema, true
		}
	}
	return nil, true
}

// validate checks v against the parts of JSON Schema the document uses: type (with null),
// enum, const, required, properties, items and additionalProperties. It returns every mismatch.
func (s openAPISpec) validate(v any, schema any, at string) []string {
	sc, _ := s.resolve(schema).(map[string]any)
	if sc == nil {
		return nil
	}
	if types := schemaTypes(sc["type"]); len(types) > 0 && !slices.Contains(types, jsonType(v)) &&
		!(jsonType(v) == "integer" && slices.Contains(types, "number")) {
		return []string{fmt.Sprintf("%s: %s, want %v", at, jsonType(v), types)}
	}
	var errs []string
	if enum, ok := sc["enum"].([]any); ok && !slices.Contains(enum, v) {
		errs = append(errs, fmt.Sprintf("%s: %v not in %v", at, v, enum))
	}
	if c, ok := sc["const"]; ok && c != v {
		errs = append(errs, fmt.Sprintf("%s: %v, want %v", at, v, c))
	}
	switch val := v.(type) {
	case map[string]any:
		errs = append(errs, s.validateObject(val, sc, at)...)
	case []any:
		for i, item := range val {
			errs = append(errs, s.validate(item, sc["items"], fmt.Sprintf("%s[%d]", at, i))...)
		}
	}
	return errs
}

func (s openAPISpec) validateObject(val map[string]any, sc map[string]any, at string) []string {
	var errs []string
	required, _ := sc["required"].([]any)
	for _, r := range required {
		if _, ok := val[r.(string)]; !ok {
			errs = append(errs, fmt.Sprintf("%s: missing required %q", at, r))
		}
	}
	props, _ := sc["properties"].(map[string]any)
	for k, item := range val {
		if p, ok := props[k]; ok {
			errs = append(errs, s.validate(item, p, at+"."+k)...)
		} else if extra, ok := sc["additionalProperties"]; ok {
			errs = append(errs, s.validate(item, extra, at+"."+k)...)
		}
	}
	return errs
}

func schemaTypes(t any) []string {
	switch t := t.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, s := range t {
			out = append(out, s.(string))
		}
		return out
	}
	return nil
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if x == float64(int64(x)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	}
	return "object"
}

func TestValidatorCatchesMismatches(t *testing.T) {
	spec := loadSpec(t)
	for _, tc := range []struct {
		name, body string
		wantErrs   int
	}{
		{"conforming error", `{"error":{"code":"not_found","message":"x"}}`, 0},
		{"missing message", `{"error":{"code":"not_found"}}`, 1},
		{"unknown code", `{"error":{"code":"oops","message":"x"}}`, 1},
		{"wrong type", `{"error":"boom"}`, 1},
	} {
		var v any
		if err := json.Unmarshal([]byte(tc.body), &v); err != nil {
			t.Fatal(err)
		}
		if errs := spec.validate(v, map[string]any{"$ref": "#/components/schemas/Error"}, "$"); len(errs) != tc.wantErrs {
			t.Errorf("%s: %d errors %v, want %d", tc.name, len(errs), errs, tc.wantErrs)
		}
	}
}

// TestOpenAPIDetailPaging: openapi.json documents exactly the page parameters the incident
// detail takes, with the defaults and maximum it applies, and the paging it answers with.
func TestOpenAPIDetailPaging(t *testing.T) {
	var spec struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name, In string
				Schema   map[string]any
			}
		}
	}
	if err := json.Unmarshal(openAPIDocument, &spec); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range spec.Paths["/api/v1/incidents/{id}"]["get"].Parameters {
		if p.In != "query" {
			continue
		}
		names = append(names, p.Name)
		want := map[string]float64{"claims_limit": DetailClaims, "documents_limit": DetailDocuments}[p.Name]
		if p.Schema["default"] != want {
			t.Errorf("%s: default %v, want %v", p.Name, p.Schema["default"], want)
		}
		if most, ok := p.Schema["maximum"]; ok && most != float64(MaxDetailLimit) {
			t.Errorf("%s: maximum %v, want %d", p.Name, most, MaxDetailLimit)
		}
	}
	if !slices.Equal(names, DetailParams) {
		t.Errorf("documented parameters %v, want %v", names, DetailParams)
	}
	if _, ok := loadSpec(t).Components["schemas"]["Incident"].(map[string]any)["properties"].(map[string]any)["paging"]; !ok {
		t.Error("the Incident schema does not document paging")
	}
}
