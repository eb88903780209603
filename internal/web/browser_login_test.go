package web_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/server"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestBrowserLogin: once an account exists, a page sends the browser to the login form, which
// brings it back to that page logged in; logging out ends the session.
func TestBrowserLogin(t *testing.T) {
	b := newBrowserWith(t, withUser(t, store.User{Name: "ana", Org: "Newsroom", Role: "analyst"}, "correct horse battery"))
	var path, header string
	b.run(t, chromedp.Navigate(b.base+"/incidents"), chromedp.WaitVisible(`input[name=name]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=name]`, "ana", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, "wrong password", chromedp.ByQuery),
		chromedp.Submit(`input[name=password]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[role=alert]`, chromedp.ByQuery),
		chromedp.SendKeys(`input[name=name]`, "ana", chromedp.ByQuery),
		chromedp.SendKeys(`input[name=password]`, "correct horse battery", chromedp.ByQuery),
		chromedp.Submit(`input[name=password]`, chromedp.ByQuery),
		chromedp.WaitVisible(`form.logout`, chromedp.ByQuery),
		chromedp.Evaluate(`location.pathname`, &path),
		chromedp.Text(`.site-header`, &header, chromedp.ByQuery))
	if path != "/incidents" || !strings.Contains(header, "ana") {
		t.Errorf("after logging in: at %q, header %q; want /incidents naming ana", path, header)
	}
	b.run(t, chromedp.Click(`form.logout button`, chromedp.ByQuery), chromedp.WaitVisible(`input[name=name]`, chromedp.ByQuery),
		chromedp.Navigate(b.base+"/documents"), chromedp.WaitVisible(`input[name=name]`, chromedp.ByQuery),
		chromedp.Evaluate(`location.pathname`, &path))
	if path != "/login" {
		t.Errorf("a page after logging out: at %q, want the login page", path)
	}
	b.checkClean(t, "login and logout")
}

// withUser configures the server with the account u, whose password is password.
func withUser(t *testing.T, u store.User, password string) func(*server.Config) {
	return func(cfg *server.Config) {
		hash, err := auth.HashPassword(password)
		if err != nil {
			t.Fatal(err)
		}
		u.PasswordHash, u.CreatedAt = hash, time.Now()
		if _, err := cfg.Store.AddUser(context.Background(), u); err != nil {
			t.Fatal(err)
		}
	}
}
