package web_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/wallwatch/wallwatch/internal/server"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// chromium finds a Chromium or Chrome binary, "" when there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifacts is where screenshots go: $WALLWATCH_ARTIFACTS, or a temporary directory.
func artifacts(t *testing.T) string {
	dir := os.Getenv("WALLWATCH_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	dir = filepath.Join(dir, "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browser is one headless Chromium with the seeded site, recording what a user would not see:
// script errors, policy violations and dialogs.
type browser struct {
	ctx      context.Context
	base     string
	fix      storetest.Fixture
	shots    string
	mu       sync.Mutex
	problems []string
	dialogs  []string
}

func newBrowser(t *testing.T) *browser { return newBrowserWith(t, nil) }

// newBrowserWith is newBrowser over a server whose config configure adjusts (nil: as it is).
func newBrowserWith(t *testing.T, configure func(*server.Config)) *browser {
	t.Helper()
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found: install it (apt-get install -y --no-install-recommends chromium) to run the browser tests")
	}
	if _, err := os.Stat("static/dist/app.js"); err != nil {
		t.Fatal("the map bundle is missing: run `npm ci --prefix web && go run ./internal/web/build` from the repository root (scripts/test does)")
	}
	ctx := context.Background()
	s, err := storetest.Open(ctx, filepath.Join(t.TempDir(), "browser.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fix, err := storetest.Seed(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	cfg := server.Config{Store: s, Log: slog.New(slog.DiscardHandler)}
	if configure != nil {
		configure(&cfg)
	}
	h, err := server.Handler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	// A fresh profile, removed by hand: Chromium's helpers may still write to it for a moment after
	// the browser exits, which t.TempDir's cleanup reports as an error.
	profile, err := os.MkdirTemp("", "wallwatch-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-default-browser-check", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(1366, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	tctx, cancelTimeout := context.WithTimeout(bctx, 4*time.Minute)
	b := &browser{ctx: tctx, base: srv.URL, fix: fix, shots: artifacts(t)}
	t.Cleanup(func() {
		cancelTimeout()
		cancelBrowser()
		cancelAlloc()
		removeEventually(profile)
	})
	chromedp.ListenTarget(tctx, b.listen)
	if err := chromedp.Run(tctx, cdplog.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return b
}

func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+e.ExceptionDetails.Error())
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.APITypeError {
			b.problems = append(b.problems, fmt.Sprintf("console error: %v", argsText(e.Args)))
		}
	case *cdplog.EventEntryAdded:
		if e.Entry.Level == cdplog.LevelError {
			b.problems = append(b.problems, "log: "+e.Entry.Text)
		}
	case *page.EventJavascriptDialogOpening:
		b.dialogs = append(b.dialogs, e.Message)
		go chromedp.Run(b.ctx, page.HandleJavaScriptDialog(false))
	}
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		parts = append(parts, strings.Trim(string(a.Value), `"`)+a.Description)
	}
	return strings.Join(parts, " ")
}

// takeProblems returns and forgets what went wrong in the page since the last call.
func (b *browser) takeProblems() ([]string, []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, d := b.problems, b.dialogs
	b.problems, b.dialogs = nil, nil
	return p, d
}

func (b *browser) run(t *testing.T, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// screenshot saves the whole page as name.png.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	var png []byte
	b.run(t, chromedp.Sleep(300*time.Millisecond), chromedp.FullScreenshot(&png, 100))
	path := filepath.Join(b.shots, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s", path)
}

func (b *browser) count(t *testing.T, selector string) int {
	t.Helper()
	var n int
	b.run(t, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll(%q).length`, selector), &n))
	return n
}

// checkClean fails the test on script errors, policy violations, dialogs or a set XSS marker.
func (b *browser) checkClean(t *testing.T, where string) {
	t.Helper()
	var marker string
	b.run(t, chromedp.Evaluate(`typeof window.`+storetest.XSSMarker, &marker))
	if marker != "undefined" {
		t.Errorf("%s: window.%s is %s: markup from a document ran", where, storetest.XSSMarker, marker)
	}
	problems, dialogs := b.takeProblems()
	for _, p := range problems {
		t.Errorf("%s: %s", where, p)
	}
	if len(dialogs) > 0 {
		t.Errorf("%s: dialogs opened: %q", where, dialogs)
	}
}

// removeEventually removes a directory, retrying for a while as processes let go of it.
func removeEventually(dir string) {
	for range 20 {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
