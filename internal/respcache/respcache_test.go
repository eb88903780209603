package respcache

import (
	"errors"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// step is one Get of a scenario and what it must give.
type step struct {
	key, mark, body string
	wantBody        string
	wantBuilt       bool
}

func TestGet(t *testing.T) {
	tests := []struct {
		name              string
		maxBytes, maxItem int
		steps             []step
		wantBytes         int
	}{
		{"a second read of a key at one mark is kept", 100, 100, []step{
			{"a", "1", "AAA", "AAA", true},
			{"a", "1", "new", "AAA", false},
		}, 3},
		{"keys are apart", 100, 100, []step{
			{"a", "1", "AAA", "AAA", true},
			{"b", "1", "BB", "BB", true},
			{"a", "1", "x", "AAA", false},
		}, 5},
		{"a new mark drops every key", 100, 100, []step{
			{"a", "1", "AAA", "AAA", true},
			{"b", "1", "BB", "BB", true},
			{"a", "2", "A2", "A2", true},
			{"b", "2", "B2", "B2", true},
		}, 4},
		{"a body larger than one entry may be is never kept", 100, 4, []step{
			{"a", "1", "AAAAA", "AAAAA", true},
			{"a", "1", "A", "A", true},
		}, 1},
		{"past the budget older entries make room", 6, 6, []step{
			{"a", "1", "AAAA", "AAAA", true},
			{"b", "1", "BBBB", "BBBB", true},
			{"b", "1", "x", "BBBB", false},
			{"a", "1", "A2", "A2", true},
		}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.maxBytes, tt.maxItem)
			for i, s := range tt.steps {
				built := false
				got, err := c.Get(s.key, s.mark, func() ([]byte, error) { built = true; return []byte(s.body), nil })
				if err != nil || string(got) != s.wantBody || built != s.wantBuilt {
					t.Errorf("step %d: got %q, %v, built %v; want %q, built %v", i, got, err, built, s.wantBody, s.wantBuilt)
				}
			}
			if c.bytes != tt.wantBytes {
				t.Errorf("kept %d bytes, want %d", c.bytes, tt.wantBytes)
			}
		})
	}
}

func TestNilCacheAlwaysBuilds(t *testing.T) {
	var c *Cache
	for i := range 2 {
		built := false
		got, err := c.Get("a", "1", func() ([]byte, error) { built = true; return []byte("A"), nil })
		if err != nil || string(got) != "A" || !built {
			t.Errorf("get %d: %q, %v, built %v", i, got, err, built)
		}
	}
}

func TestFailedBuildIsNotKept(t *testing.T) {
	c := New(100, 100)
	boom := errors.New("boom")
	if _, err := c.Get("a", "1", func() ([]byte, error) { return nil, boom }); !errors.Is(err, boom) {
		t.Fatalf("got %v, want boom", err)
	}
	got, err := c.Get("a", "1", func() ([]byte, error) { return []byte("A"), nil })
	if err != nil || string(got) != "A" {
		t.Errorf("after a failure: %q, %v", got, err)
	}
	if c.bytes != 1 {
		t.Errorf("kept %d bytes, want 1", c.bytes)
	}
}

func TestPanickedBuildIsDropped(t *testing.T) {
	c := New(100, 100)
	func() {
		defer func() { _ = recover() }()
		_, _ = c.Get("a", "1", func() ([]byte, error) { panic("boom") })
	}()
	got, err := c.Get("a", "1", func() ([]byte, error) { return []byte("A"), nil })
	if err != nil || string(got) != "A" {
		t.Errorf("after a panic: %q, %v", got, err)
	}
}

// TestConcurrentReadersShareOneBuild: readers of one key at one mark wait for a single build.
func TestConcurrentReadersShareOneBuild(t *testing.T) {
	c := New(100, 100)
	release := make(chan struct{})
	var builds atomic.Int32
	var wg sync.WaitGroup
	bodies := make([]string, 10)
	for i := range bodies {
		wg.Go(func() {
			b, err := c.Get("a", "1", func() ([]byte, error) {
				builds.Add(1)
				<-release
				return []byte("A"), nil
			})
			if err != nil {
				t.Error(err)
			}
			bodies[i] = string(b)
		})
	}
	for !c.has("a") { // until the first reader has registered its build
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Errorf("%d builds, want 1", n)
	}
	if got := strings.Join(bodies, ""); got != strings.Repeat("A", 10) {
		t.Errorf("bodies %q", got)
	}
}

// TestWaiterOfFailedBuildBuildsItsOwn: the first reader's failure (its request ended, say) is not
// handed to the readers that waited for it.
func TestWaiterOfFailedBuildBuildsItsOwn(t *testing.T) {
	c := New(100, 100)
	release := make(chan struct{})
	first := make(chan error)
	go func() {
		_, err := c.Get("a", "1", func() ([]byte, error) { <-release; return nil, errors.New("canceled") })
		first <- err
	}()
	for !c.has("a") {
		runtime.Gosched()
	}
	second := make(chan string)
	go func() {
		b, err := c.Get("a", "1", func() ([]byte, error) { return []byte("mine"), nil })
		if err != nil {
			t.Error(err)
		}
		second <- string(b)
	}()
	close(release)
	if err := <-first; err == nil {
		t.Error("the failed build returned no error")
	}
	if got := <-second; got != "mine" {
		t.Errorf("waiter got %q, want its own build", got)
	}
}

// TestBuiltAtAnOldMarkIsNotKept: a body whose build began before the store changed is returned
// to its reader but not kept for readers of the new mark.
func TestBuiltAtAnOldMarkIsNotKept(t *testing.T) {
	c := New(100, 100)
	_, _ = c.Get("a", "1", func() ([]byte, error) {
		if _, err := c.Get("b", "2", func() ([]byte, error) { return []byte("B"), nil }); err != nil {
			t.Error(err)
		}
		return []byte("old"), nil
	})
	built := false
	got, _ := c.Get("a", "2", func() ([]byte, error) { built = true; return []byte("new"), nil })
	if string(got) != "new" || !built {
		t.Errorf("got %q, built %v: the body of mark 1 was kept", got, built)
	}
	if c.bytes != 4 {
		t.Errorf("kept %d bytes, want 4 (B and new)", c.bytes)
	}
}

// has reports whether an entry of key is being built or kept.
func (c *Cache) has(key string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.entries[key]
	return ok
}
