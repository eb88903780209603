package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
)

// topology is the part of a TopoJSON file the generator reads.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []geometry `json:"geometries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Arcs       json.RawMessage `json:"arcs"`
	Properties map[string]any  `json:"properties"`
}

type point struct{ lat, lon float64 }

func readTopology(path string) (*topology, error) {
	data, err := readMaybeGzip(path)
	if err != nil {
		return nil, err
	}
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return &t, nil
}

// countryCentroids returns the centroid of the largest polygon of every country in the
// world-atlas topology, keyed by ISO numeric id and, for features without an id, by name.
func countryCentroids(path string) (map[string]point, error) {
	t, err := readTopology(path)
	if err != nil {
		return nil, err
	}
	arcs := t.decodeArcs()
	out := map[string]point{}
	for _, g := range t.Objects["countries"].Geometries {
		p, ok, err := largestPolygonCentroid(g, arcs)
		if err != nil {
			return nil, fmt.Errorf("%s: geometry %s: %w", path, g.ID, err)
		}
		if !ok {
			continue
		}
		key := g.ID
		if key == "" {
			key, _ = g.Properties["name"].(string)
		}
		out[key] = p
	}
	return out, nil
}

// decodeArcs undoes TopoJSON's delta encoding and quantisation.
func (t *topology) decodeArcs() [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		pts := make([][2]float64, len(arc))
		for j, p := range arc {
			if t.Transform == nil {
				pts[j] = p
				continue
			}
			x, y = x+p[0], y+p[1]
			pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out
}

func largestPolygonCentroid(g geometry, arcs [][][2]float64) (point, bool, error) {
	var polygons [][][]int
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return point{}, false, err
		}
		polygons = [][][]int{rings}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Arcs, &polygons); err != nil {
			return point{}, false, err
		}
	default:
		return point{}, false, nil
	}
	best, bestArea := point{}, 0.0
	for _, rings := range polygons {
		if len(rings) == 0 {
			continue
		}
		c, area := ringCentroid(ring(rings[0], arcs))
		if area > bestArea {
			best, bestArea = c, area
		}
	}
	return best, bestArea > 0, nil
}

// ring joins arcs into one closed ring; a negative index ~i is arc i reversed.
func ring(idx []int, arcs [][][2]float64) [][2]float64 {
	var pts [][2]float64
	for _, i := range idx {
		var arc [][2]float64
		if i >= 0 {
			arc = arcs[i]
		} else {
			src := arcs[^i]
			arc = make([][2]float64, len(src))
			for j := range src {
				arc[j] = src[len(src)-1-j]
			}
		}
		if len(pts) > 0 && len(arc) > 0 {
			arc = arc[1:]
		}
		pts = append(pts, arc...)
	}
	return pts
}

// ringCentroid is the planar (lon/lat) area centroid of a ring, with its absolute area. A ring
// crossing the antimeridian (Russia, Fiji) is unwrapped first.
func ringCentroid(pts [][2]float64) (point, float64) {
	pts = unwrap(pts)
	var a, cx, cy float64
	for i := range pts {
		p, q := pts[i], pts[(i+1)%len(pts)]
		cross := p[0]*q[1] - q[0]*p[1]
		a += cross
		cx += (p[0] + q[0]) * cross
		cy += (p[1] + q[1]) * cross
	}
	if a == 0 {
		return point{}, 0
	}
	lon := math.Mod(cx/(3*a)+540, 360) - 180
	return point{lat: cy / (3 * a), lon: lon}, math.Abs(a / 2)
}

// unwrap shifts longitudes by 360° where consecutive points jump more than 180°.
func unwrap(pts [][2]float64) [][2]float64 {
	out := make([][2]float64, len(pts))
	shift := 0.0
	for i, p := range pts {
		if i > 0 {
			if d := p[0] - pts[i-1][0]; d > 180 {
				shift -= 360
			} else if d < -180 {
				shift += 360
			}
		}
		out[i] = [2]float64{p[0] + shift, p[1]}
	}
	return out
}

// admin1Label is what Natural Earth says about one first-level division.
type admin1Label struct {
	at    point
	names []string
}

// admin1Labels reads the Natural Earth admin-1 label points and names, keyed by GeoNames
// admin1 code (gn_a1_code, e.g. "AF.18").
func admin1Labels(path string) (map[string]admin1Label, error) {
	t, err := readTopology(path)
	if err != nil {
		return nil, err
	}
	out := map[string]admin1Label{}
	for _, g := range t.Objects["admin1"].Geometries {
		p := g.Properties
		code, _ := p["gn_a1_code"].(string)
		lat, ok1 := p["latitude"].(float64)
		lon, ok2 := p["longitude"].(float64)
		if !ok1 || !ok2 || strings.HasSuffix(code, ".") || !strings.Contains(code, ".") {
			continue
		}
		names := out[code].names // several NE polygons may share a code: keep the first point
		for _, k := range []string{"name", "name_en"} {
			if s, ok := p[k].(string); ok {
				names = append(names, s)
			}
		}
		if s, ok := p["name_alt"].(string); ok && s != "" {
			names = append(names, strings.Split(s, "|")...)
		}
		at := point{lat: lat, lon: lon}
		if prev, dup := out[code]; dup {
			at = prev.at
		}
		out[code] = admin1Label{at: at, names: names}
	}
	return out, nil
}

func readMaybeGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readAllDecompressed(f, path)
}
