package api

import (
	_ "embed"
	"net/http"
)

// openAPIDocument describes every route of routes.go (OpenAPI 3.1). It is written by hand:
// a test checks it names every route and that real responses have the properties it requires.
//
//go:embed openapi.json
var openAPIBase []byte

// openAPIDocument is openapi.json with the routes of watch.go added.
var openAPIDocument = mergeOpenAPI(openAPIBase, openAPIWatch)

func (a *API) openAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openAPIDocument)
	return err
}
