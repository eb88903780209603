package extract_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/wallwatch/wallwatch/internal/ingest"
)

func TestZZDebug(t *testing.T) {
	path := os.Getenv("ZZ_FILE")
	if path == "" {
		t.Skip()
	}
	x := newExtractor(t)
	raw, _ := os.ReadFile(path)
	docs, errs := ingest.Parse(path, "", raw)
	if len(errs) > 0 || len(docs) == 0 {
		t.Fatal(errs)
	}
	fmt.Print(x.ZZDebugFrames(docs[0]))
}
