package cli

import (
	"log/slog"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

// pendingPipeline is a pipeline whose reference data (gazetteer and actor dictionary: seconds to
// load) is loading in the background, so that the server listens at once: pages and reads work
// while it loads, and what needs it asks whether it is there yet.
type pendingPipeline struct {
	done chan struct{} // closed once loading ended, well or not
	p    *pipeline.Pipeline
	ref  reference.Data
	err  error
}

// loadPipeline starts building the pipeline over s in the background.
func loadPipeline(s *store.Store, c *config.Config, log *slog.Logger) *pendingPipeline {
	pp := &pendingPipeline{done: make(chan struct{})}
	go func() {
		defer close(pp.done)
		pp.p, pp.ref, pp.err = newPipeline(s, c, log)
	}()
	return pp
}

// ready returns the pipeline and its reference data once they loaded; ok is false before then
// and after a failure.
func (pp *pendingPipeline) ready() (p *pipeline.Pipeline, ref reference.Data, ok bool) {
	select {
	case <-pp.done:
		return pp.p, pp.ref, pp.err == nil
	default:
		return nil, reference.Data{}, false
	}
}

// loading reports whether the reference data is still loading.
func (pp *pendingPipeline) loading() bool {
	select {
	case <-pp.done:
		return false
	default:
		return true
	}
}

// actors is the actor dictionary once loaded, nil before: the pages then name actors from the
// incidents alone.
func (pp *pendingPipeline) actors() []model.Actor {
	if _, ref, ok := pp.ready(); ok {
		return ref.Actors.All()
	}
	return nil
}

// names resolves filter names with the reference data once loaded, and leaves them as typed before.
func (pp *pendingPipeline) names() api.Names {
	if _, ref, ok := pp.ready(); ok {
		return filterNames(ref)
	}
	return api.Names{}
}
