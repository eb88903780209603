package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/wallwatch/wallwatch/internal/store"
)

// TestBrowserAccounts: an admin logs in and creates an analyst on the users page; the analyst
// logs in, creates an API token that is shown once and works, then revokes it. Both pages pass
// axe-core on a phone and a desktop.
func TestBrowserAccounts(t *testing.T) {
	b := newBrowserWith(t, withUser(t, store.User{Name: "ada", Org: "Harbour Desk", Role: "admin"}, "admin passphrase here"))
	axe := axeScript(t)
	logIn := func(path, name, password string) {
		t.Helper()
		b.run(t, chromedp.Navigate(b.base+path), chromedp.WaitVisible(`.login input[name=password]`, chromedp.ByQuery),
			chromedp.SendKeys(`.login input[name=name]`, name, chromedp.ByQuery),
			chromedp.SendKeys(`.login input[name=password]`, password, chromedp.ByQuery),
			chromedp.Submit(`.login input[name=password]`, chromedp.ByQuery),
			chromedp.WaitVisible(`form.logout`, chromedp.ByQuery))
	}
	accessible := func(name string) {
		t.Helper()
		for _, vp := range []struct {
			width, height int64
			mobile        bool
		}{{390, 844, true}, {1440, 900, false}} {
			b.run(t, emulation.SetDeviceMetricsOverride(vp.width, vp.height, 1, vp.mobile))
			b.fitsWidth(t, name, vp.width)
			for _, v := range b.seriousViolations(t, axe) {
				t.Errorf("%s at %d px: %s", name, vp.width, v)
			}
			b.screenshot(t, fmt.Sprintf("%s-%d", name, vp.width))
		}
		b.run(t, emulation.ClearDeviceMetricsOverride())
	}

	var status, path string
	logIn("/admin/users", "ada", "admin passphrase here")
	b.run(t, chromedp.Evaluate(`location.pathname`, &path),
		chromedp.SendKeys(`#add-user input[name=name]`, "ben", chromedp.ByQuery),
		chromedp.SendKeys(`#add-user input[name=organisation]`, "Lakeside Desk", chromedp.ByQuery),
		chromedp.SetValue(`#add-user select[name=role]`, "analyst", chromedp.ByQuery),
		chromedp.SendKeys(`#add-user input[name=password]`, "analyst passphrase", chromedp.ByQuery),
		chromedp.Click(`#add-user button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#main [role=status]`, chromedp.ByQuery),
		chromedp.Text(`#main [role=status]`, &status, chromedp.ByQuery))
	if path != "/admin/users" || !strings.Contains(status, "User ben (analyst, Lakeside Desk) created") {
		t.Fatalf("admin adds ben: at %q, status %q", path, status)
	}
	if n := b.count(t, `tr[data-user="ben"]`); n != 1 {
		t.Errorf("ben is listed %d times, want once", n)
	}
	accessible("users")
	b.checkClean(t, "users page")

	// The users page has a name field too: wait for the login page's own.
	b.run(t, chromedp.Click(`form.logout button`, chromedp.ByQuery), chromedp.WaitVisible(`.login input[name=name]`, chromedp.ByQuery))
	logIn("/account", "ben", "analyst passphrase")
	var secret, shown string
	b.run(t, chromedp.SendKeys(`#add-token input[name=name]`, "wall screen", chromedp.ByQuery),
		chromedp.SetValue(`#add-token select[name=scope]`, "read", chromedp.ByQuery),
		chromedp.Click(`#add-token button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#token-secret`, chromedp.ByQuery),
		chromedp.Text(`#token-secret`, &secret, chromedp.ByQuery),
		chromedp.Text(`#new-token`, &shown, chromedp.ByQuery))
	if !strings.HasPrefix(secret, "wwt_") || !strings.Contains(shown, "shown only this once") {
		t.Fatalf("new token: secret %q, notice %q", secret, shown)
	}
	if code := apiStatus(t, b.base, secret); code != http.StatusOK {
		t.Errorf("the new token reads the API: %d, want 200", code)
	}
	accessible("account-new-token")
	var page string
	b.run(t, chromedp.Navigate(b.base+"/account"), chromedp.WaitVisible(`tr[data-token]`, chromedp.ByQuery),
		chromedp.OuterHTML(`html`, &page, chromedp.ByQuery))
	if strings.Contains(page, secret) {
		t.Error("the account page shows the secret again")
	}
	b.run(t, chromedp.Click(`tr[data-token] form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#main [role=status]`, chromedp.ByQuery),
		chromedp.Text(`#main [role=status]`, &status, chromedp.ByQuery))
	if !strings.Contains(status, "revoked: it no longer works") {
		t.Errorf("after revoking: status %q", status)
	}
	if n := b.count(t, `tr[data-token] form`); n != 0 {
		t.Errorf("the revoked token still offers a revoke button (%d)", n)
	}
	if code := apiStatus(t, b.base, secret); code != http.StatusUnauthorized {
		t.Errorf("the revoked token reads the API: %d, want 401", code)
	}
	accessible("account")
	b.checkClean(t, "account page")
}

// apiStatus is the status of an API read made with the token.
func apiStatus(t *testing.T, base, token string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+"/api/v1/incidents?limit=1", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}
