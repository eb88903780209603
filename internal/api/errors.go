package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/store"
)

// ParamError is a query parameter or body field that could not be read.
type ParamError struct {
	Parameter string
	Message   string
}

func (e *ParamError) Error() string { return fmt.Sprintf("parameter %s: %s", e.Parameter, e.Message) }

func badParam(name, format string, args ...any) *ParamError {
	return &ParamError{Parameter: name, Message: fmt.Sprintf(format, args...)}
}

// ErrBadRequest marks an error the client caused. The functions wired into Config (Ingest) wrap
// it around what they reject, e.g. fmt.Errorf("%w: fetch refused: %v", api.ErrBadRequest, err),
// so the client gets a 400 with the message instead of a 500.
var ErrBadRequest = errors.New("bad request")

// ErrNotReady marks work the server cannot do yet, such as ingesting while the reference data
// is still loading: the client gets a 503 with Retry-After and should try again.
var ErrNotReady = errors.New("not ready")

// retryAfterSeconds is what a 503 tells the client to wait: a lock or a reference-data load
// usually clears within seconds.
const retryAfterSeconds = "5"

// errNotImplemented is returned by routes whose function was not wired.
var errNotImplemented = errors.New("not implemented")

// errorBody is the one error shape of the API.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	Parameter string `json:"parameter,omitempty"`
}

// handlerFunc is a route's handler: it writes a response or returns an error for wrap to classify.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// wrap turns a handlerFunc into an http.Handler, mapping its error to a status and the error shape.
func wrap(log *slog.Logger, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, detail := classify(err)
		switch {
		case status == http.StatusServiceUnavailable:
			w.Header().Set("Retry-After", retryAfterSeconds)
			log.WarnContext(r.Context(), "api request deferred", "method", r.Method, "path", r.URL.Path, "err", err)
		case status >= 500 && status != http.StatusNotImplemented:
			log.ErrorContext(r.Context(), "api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		}
		writeError(w, status, detail)
	})
}

// classify maps an error to its HTTP status and what the client is told. Internal errors are not
// described to the client: they may carry file paths or SQL.
func classify(err error) (int, errorDetail) {
	var pe *ParamError
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &pe):
		return http.StatusBadRequest, errorDetail{Code: "bad_parameter", Message: pe.Message, Parameter: pe.Parameter}
	case errors.Is(err, store.ErrBadCursor):
		return http.StatusBadRequest, errorDetail{Code: "bad_parameter", Message: "malformed cursor: use next_cursor from a previous page", Parameter: "cursor"}
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, errorDetail{Code: "not_found", Message: err.Error()}
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, errorDetail{Code: "too_large", Message: fmt.Sprintf("request body is larger than %d bytes", tooLarge.Limit)}
	case errors.Is(err, accounts.ErrInvalid):
		return http.StatusBadRequest, errorDetail{Code: "bad_request", Message: err.Error()}
	case errors.Is(err, store.ErrDuplicate), errors.Is(err, store.ErrLastAdmin):
		return http.StatusConflict, errorDetail{Code: "conflict", Message: err.Error()}
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest, errorDetail{Code: "bad_request", Message: err.Error()}
	case errors.Is(err, ErrNotReady):
		return http.StatusServiceUnavailable, errorDetail{Code: "unavailable", Message: err.Error() + "; retry later"}
	case store.IsBusy(err):
		return http.StatusServiceUnavailable, errorDetail{Code: "unavailable", Message: "the database is busy with another writer; retry later"}
	case errors.Is(err, errNotImplemented):
		return http.StatusNotImplemented, errorDetail{Code: "not_implemented", Message: err.Error()}
	}
	return http.StatusInternalServerError, errorDetail{Code: "internal", Message: "internal error; the server log has the details"}
}

func writeError(w http.ResponseWriter, status int, d errorDetail) {
	writeJSON(w, status, errorBody{Error: d})
}

// writeJSON writes v as JSON. HTML-significant characters stay escaped (the default), so a
// response opened in a browser cannot smuggle markup. It is compact: indenting a page of 50
// incidents cost a sixth of the list's CPU (docs/benchmarks.md, session 6).
func writeJSON(w http.ResponseWriter, status int, v any) error {
	body, err := encodeJSON(v)
	if err != nil {
		return err
	}
	return writeBody(w, status, body)
}

// encodeJSON is v as writeJSON writes it, ending in a newline.
func encodeJSON(v any) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode the response: %w", err)
	}
	return append(body, '\n'), nil
}

// writeBody writes a JSON body encoded already.
func writeBody(w http.ResponseWriter, status int, body []byte) error {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, err := w.Write(body)
	return err
}
