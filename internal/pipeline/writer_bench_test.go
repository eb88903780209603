package pipeline_test

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/pipeline"
)

// BenchmarkWriter times the writer alone: the mixed corpus (as BenchmarkIngestSkewed) is
// extracted first, outside the measure, and then stored in batches of pipeline.DefaultBatch as
// the stream's writer stores them (duplicate checks, inserts, linking, full-text index, commit,
// campaigns). Only that one goroutine runs while it is measured, so the process's CPU time is the
// writer's ("writer-cpu-ms/doc", garbage collection included): the writer runs serially, so its
// cost per document caps the whole ingest at 1,000 / writer-cpu-ms documents a second, however
// many workers extract. "written-KiB/doc" is what the process wrote to files meanwhile (the WAL's
// frames and checkpoints; Linux only): unlike time, it does not move with the machine's load.
// WALLWATCH_WRITER_DOCS sets how many documents (default 5,000); run it
// with -benchtime 1x.
func BenchmarkWriter(b *testing.B) {
	n := 5000
	if v := os.Getenv("WALLWATCH_WRITER_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("WALLWATCH_WRITER_DOCS=%q: want a number of documents", v)
		}
	}
	docs := mixedCorpus(b, n)
	ctx := context.Background()
	ready := pipeline.New(openStore(b), realStages(b)).PrepareAll(ctx, docs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pipeline.New(openStore(b), realStages(b))
		runtime.GC() // the extraction's garbage is not the writer's
		written, wrote := bytesWritten()
		cpu, wall := cpuTime(b), time.Now()
		if err := p.WriteAll(ctx, ready, pipeline.DefaultBatch); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64((cpuTime(b)-cpu).Microseconds())/1000/float64(n), "writer-cpu-ms/doc")
		b.ReportMetric(float64(time.Since(wall).Microseconds())/1000/float64(n), "writer-ms/doc")
		if after, ok := bytesWritten(); ok && wrote {
			b.ReportMetric(float64(after-written)/1024/float64(n), "written-KiB/doc")
		}
	}
}

// bytesWritten is how many bytes the process has passed to write calls (Linux's /proc/self/io
// wchar); ok is false where that cannot be read.
func bytesWritten() (n int64, ok bool) {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, found := strings.CutPrefix(line, "wchar: "); found {
			n, err := strconv.ParseInt(v, 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}
