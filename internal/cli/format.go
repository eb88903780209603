package cli

import (
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func dayOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format(model.DateLayout)
}

// truncate shortens s to at most n runes, marking the cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
