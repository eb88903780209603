package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
)

// skewBucket is how many documents one measured step of BenchmarkIngestSkewed ingests.
const skewBucket = 1000

// BenchmarkIngestSkewed ingests articles made by ../shared/tools/make_mixed_corpus.py, which
// recombines the sentences of the real reports, so a few dozen real incidents gather thousands of
// reports each, as a big jailbreak does in the news. It reports the CPU and wall milliseconds per
// document of each successive thousand, ingested through the workers and the writer and followed
// by the wave refresh, as one `wallwatch ingest` call does ("cpu-ms/doc@02k-03k"): a document must
// cost as much in a large store as in a small one. "cpu-growth" is the last thousand's CPU per
// document over the first's (the aim: under 1.5), "cores" the CPU time over the wall time (both
// cores busy: near 2). WALLWATCH_SKEW_DOCS sets how many documents (default 5,000); run it with
// -benchtime 1x.
func BenchmarkIngestSkewed(b *testing.B) {
	n := 5000
	if v := os.Getenv("WALLWATCH_SKEW_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < skewBucket {
			b.Fatalf("WALLWATCH_SKEW_DOCS=%q: want a number of documents of at least %d", v, skewBucket)
		}
	}
	docs := mixedCorpus(b, n)
	st := realStages(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		s := openStore(b)
		p := pipeline.New(s, st)
		var first, last, cpuAll, wallAll float64
		for from := 0; from < n; from += skewBucket {
			cpu, wall := cpuTime(b), time.Now()
			if err := p.Ingest(ctx, sourcesOf(docs[from:min(from+skewBucket, n)]), pipeline.StreamOptions{}, pipeline.Events{}); err != nil {
				b.Fatal(err)
			}
			if _, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), time.Now()); err != nil {
				b.Fatal(err)
			}
			count := float64(min(from+skewBucket, n) - from)
			cpuMs, wallMs := float64((cpuTime(b) - cpu).Milliseconds()), float64(time.Since(wall).Milliseconds())
			label := fmt.Sprintf("@%02dk-%02dk", from/skewBucket, from/skewBucket+1) // padded: metrics are listed by name
			b.ReportMetric(cpuMs/count, "cpu-ms/doc"+label)
			b.ReportMetric(wallMs/count, "ms/doc"+label)
			if from == 0 {
				first = cpuMs / count
			}
			last, cpuAll, wallAll = cpuMs/count, cpuAll+cpuMs, wallAll+wallMs
		}
		b.ReportMetric(last/first, "cpu-growth")
		b.ReportMetric(cpuAll/wallAll, "cores")
	}
}

// mixedCorpus writes n mixed articles to a temporary directory with the shared generator and
// parses them, skipping the benchmark when the shared directory or python3 is missing.
func mixedCorpus(b testing.TB, n int) []model.Document {
	b.Helper()
	tool, err := filepath.Abs("../../../shared/tools/make_mixed_corpus.py")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(tool); err != nil {
		b.Skipf("shared corpus generator not found at %s (../shared beside the repository); skipping", tool)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		b.Skip("python3 not found; it runs the shared corpus generator; skipping")
	}
	dir := b.TempDir()
	if out, err := exec.Command("python3", tool, dir, strconv.Itoa(n)).CombinedOutput(); err != nil {
		b.Fatalf("make_mixed_corpus.py: %v: %s", err, out)
	}
	docs := make([]model.Document, 0, n)
	for i := 0; i < n; i++ {
		path := filepath.Join(dir, fmt.Sprintf("m%06d.txt", i))
		data, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		ds, errs := ingest.Parse(path, "", data)
		if len(errs) > 0 {
			b.Fatalf("parse %s: %v", path, errs)
		}
		docs = append(docs, ds...)
	}
	return docs
}

// cpuTime is the CPU time the process has used, user and system, on every thread.
func cpuTime(b *testing.B) time.Duration {
	b.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
