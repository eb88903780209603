package cli

import (
	"context"
	"fmt"
	"net"

	"github.com/wallwatch/wallwatch/internal/server"
)

func runServe(ctx context.Context, e env, args []string) int {
	fs := newFlagSet("serve", "", "Serve the web UI and the REST API (/api/v1, described at /api/v1/openapi.json)\nuntil interrupted; in-flight requests get 10 seconds to finish.")
	c := settings(fs, e)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address host:port (env WALLWATCH_ADDR); port 0 picks a free one")
	fs.StringVar(&c.TileURL, "tile-url", c.TileURL, "optional online map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png (env WALLWATCH_TILE_URL)")
	if code := parseFlags(fs, e, args); code >= 0 {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "wallwatch serve: unexpected argument %q (see --help)\n", fs.Arg(0))
		return exitUsage
	}
	s, ok := openStore(ctx, e, c)
	if !ok {
		return exitFailed
	}
	defer s.Close()
	log := newLogger(e.stderr, c.LogLevel)
	h, err := server.Handler(server.Config{Store: s, TileURL: c.TileURL, Log: log})
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v\n", err)
		return exitFailed
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v (is another server on that port? try --addr 127.0.0.1:0)\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "wallwatch is serving %s at http://%s/ (API: http://%s/api/v1/openapi.json); Ctrl-C stops it\n", c.DB, ln.Addr(), ln.Addr())
	if err := server.Serve(ctx, ln, h, log); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch serve: %v\n", err)
		return exitFailed
	}
	return exitOK
}
