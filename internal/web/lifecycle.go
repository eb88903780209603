package web

import (
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
)

// lifecycleChart is the escape lifecycle of an incident as stacked columns, one per reported
// day: recaptured at the bottom, still at large on top, together the escaped.
type lifecycleChart struct {
	Width, Height float64
	Recaptured    []mark
	AtLarge       []mark
	Ticks         []mark
	YTicks        []mark
}

// newLifecycleChart draws an incident's lifecycle, or nothing when it says no more than the
// escaped figure does: a single report without recaptures.
func newLifecycleChart(points []model.LifecyclePoint) *lifecycleChart {
	if len(points) == 0 || (len(points) == 1 && points[0].Recaptured == 0) {
		return nil
	}
	c := &lifecycleChart{Width: 360, Height: 140}
	const left, right, top, bottom = 44.0, 8.0, 12.0, 24.0
	most := 0
	for _, p := range points {
		most = max(most, p.Escaped, p.Recaptured)
	}
	scaleMax := niceCeil(float64(most))
	h := func(v int) float64 { return (c.Height - top - bottom) * float64(v) / scaleMax }
	base := c.Height - bottom
	slot := (c.Width - left - right) / float64(len(points))
	for i, p := range points {
		x, w := left+float64(i)*slot+slot*0.15, slot*0.7
		recaptured := min(p.Recaptured, p.Escaped)
		day := p.Reported.Format("2 Jan 2006")
		c.Recaptured = append(c.Recaptured, mark{X: x, Y: base - h(recaptured), W: w, H: h(recaptured),
			Title: fmt.Sprintf("%s: %s recaptured", day, formatInt(p.Recaptured))})
		c.AtLarge = append(c.AtLarge, mark{X: x, Y: base - h(recaptured) - h(p.AtLarge), W: w, H: h(p.AtLarge),
			Title: fmt.Sprintf("%s: %s escaped, %s still at large", day, formatInt(p.Escaped), formatInt(p.AtLarge))})
		c.Ticks = append(c.Ticks, mark{X: x + w/2, Y: c.Height - 6, Label: p.Reported.Format("2 Jan")})
	}
	for _, v := range []float64{0, scaleMax / 2, scaleMax} {
		c.YTicks = append(c.YTicks, mark{X: left - 6, Y: base - h(int(v)), W: c.Width - right, Label: formatInt(int(v))})
	}
	return c
}
