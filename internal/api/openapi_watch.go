package api

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

// openAPIWatch documents the routes of watch.go: paths and schemas merged into openapi.json's
// when the package loads, so each file stays with its routes.
//
//go:embed openapi_watch.json
var openAPIWatch []byte

// mergeOpenAPI adds extra's paths and component schemas to base's.
func mergeOpenAPI(base, extra []byte) []byte {
	var doc, add map[string]any
	if err := json.Unmarshal(base, &doc); err != nil {
		panic(fmt.Sprintf("openapi.json: %v", err))
	}
	if err := json.Unmarshal(extra, &add); err != nil {
		panic(fmt.Sprintf("openapi_watch.json: %v", err))
	}
	for _, section := range [][2]string{{"paths", ""}, {"components", "schemas"}} {
		dst, src := doc[section[0]].(map[string]any), add[section[0]].(map[string]any)
		if section[1] != "" {
			dst, src = dst[section[1]].(map[string]any), src[section[1]].(map[string]any)
		}
		for k, v := range src {
			dst[k] = v
		}
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err)
	}
	return out
}
