package api

import (
	"net/http"

	"github.com/wallwatch/wallwatch/internal/store"
)

// cached answers a read with the body build makes, kept in the response cache (Config.Cache)
// until the store changes. key must name everything the body depends on but the reader's
// audience and the store's state, which cached adds: the route and its query, resolved. Without
// a cache it builds every time and reads no change mark.
func (a *API) cached(w http.ResponseWriter, r *http.Request, key string, build func() (any, error)) error {
	encode := func() ([]byte, error) {
		v, err := build()
		if err != nil {
			return nil, err
		}
		return encodeJSON(v)
	}
	if a.cfg.Cache == nil {
		body, err := encode()
		if err != nil {
			return err
		}
		return writeBody(w, http.StatusOK, body)
	}
	ctx := r.Context()
	mark, err := a.cfg.Store.ChangeMark(ctx)
	if err != nil {
		return err
	}
	// The audience comes first and whole: no reader is given a body built for another.
	body, err := a.cfg.Cache.Get(store.AudienceFrom(ctx).Key()+"\x00"+key, mark, encode)
	if err != nil {
		return err
	}
	return writeBody(w, http.StatusOK, body)
}
