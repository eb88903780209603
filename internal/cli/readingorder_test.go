package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
)

// TestExportInReadingOrder: a report that leads with one riot and goes on to two more the same
// day exports them as it tells them, whatever their ids; another sort keeps its own order.
func TestExportInReadingOrder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"riots.txt": "DATE: 2020-03-10\nTITLE: Prison riots spread\n\n" +
			"Inmates rioted on Monday at the central prison of Kano, Nigeria, and three of them were killed, prison officials said.\n\n" +
			"Another riot broke out on Monday at the prison in Kaduna, where 150 inmates set fire to their mattresses.\n\n" +
			"A third riot on Monday shook the prison in Jos, where guards fired tear gas at 200 inmates who had seized a wing.\n",
	})
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, dir); code != exitOK {
		t.Fatalf("ingest: code %d: %s", code, errOut)
	}
	places := func(args ...string) []string {
		t.Helper()
		code, out, errOut := runCLI(t, append(args, "--db", db, "--format", "json")...)
		if code != exitOK {
			t.Fatalf("%v: code %d: %s", args, code, errOut)
		}
		var incs []struct{ Place string }
		if err := json.Unmarshal([]byte(out), &incs); err != nil {
			t.Fatalf("%v: %v in %q", args, err, out)
		}
		var got []string
		for _, inc := range incs {
			got = append(got, inc.Place)
		}
		return got
	}
	want := []string{"Kano", "Kaduna", "Jos"}
	for _, args := range [][]string{{"export"}, {"incidents"}, {"incidents", "--sort", "-date"}} {
		if got := places(args...); !slices.Equal(got, want) {
			t.Errorf("%v: places %q, want %q (the report's order)", args, got, want)
		}
	}
	if got := places("incidents", "--sort", "killed"); len(got) != 3 || got[0] != "Kano" {
		t.Errorf("--sort killed: places %q, want Kano (three dead) first", got)
	}
}
