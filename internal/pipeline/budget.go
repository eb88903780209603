package pipeline

import (
	"context"
	"sync"
)

// byteBudget bounds the bytes of read documents between the readers and the writer, so that
// memory follows the budget rather than the batch or the file sizes. A source larger than the
// whole budget still passes: it waits until nothing else is in flight and then goes alone.
type byteBudget struct {
	mu    sync.Mutex
	limit int64
	used  int64
	peak  int64         // the most ever held at once, for tests
	freed chan struct{} // closed and replaced whenever bytes are released
}

func newByteBudget(limit int64) *byteBudget {
	return &byteBudget{limit: max(limit, 1), freed: make(chan struct{})}
}

// acquire waits until n bytes fit, or ctx ends, and returns what it took: n capped at the limit.
func (b *byteBudget) acquire(ctx context.Context, n int64) (int64, error) {
	n = min(max(n, 1), b.limit)
	for {
		b.mu.Lock()
		if b.used+n <= b.limit {
			b.used += n
			b.peak = max(b.peak, b.used)
			b.mu.Unlock()
			return n, nil
		}
		freed := b.freed
		b.mu.Unlock()
		select {
		case <-ctx.Done():
			return 0, context.Cause(ctx)
		case <-freed:
		}
	}
}

// release gives back what acquire took.
func (b *byteBudget) release(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.used -= n
	close(b.freed)
	b.freed = make(chan struct{})
}
