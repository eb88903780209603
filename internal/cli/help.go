package cli

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// printHelp writes a command's help: its usage line, what it does, its flags spelled with two
// dashes as the README writes them (one dash works too), and examples to copy.
func printHelp(w io.Writer, fs *flag.FlagSet, argsUsage, summary string) {
	fmt.Fprintf(w, "Usage: wallwatch %s [flags] %s\n\n%s\n\nFlags:\n", fs.Name(), argsUsage, summary)
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		usage += defaultNote(f.DefValue)
		fmt.Fprintf(w, "%s\n        %s\n", line, strings.ReplaceAll(usage, "\n", "\n        "))
	})
	if ex := examples(fs.Name()); len(ex) > 0 {
		fmt.Fprint(w, "\nExamples:\n")
		for _, x := range ex {
			fmt.Fprintf(w, "  %s\n", x)
		}
	}
}

// defaultNote says a flag's default, quoted unless a number; nothing for an empty, false or zero one.
func defaultNote(v string) string {
	switch {
	case v == "" || v == "false" || v == "0":
		return ""
	case isNumber(v):
		return " (default " + v + ")"
	}
	return fmt.Sprintf(" (default %q)", v)
}

func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// examples are command lines that show a command's common uses.
func examples(command string) []string {
	switch command {
	case "ingest":
		return []string{"wallwatch ingest articles/", "wallwatch ingest --published 2024-03-02 report.txt https://example.org/news/jailbreak"}
	case "documents":
		return []string{"wallwatch documents --q \"prison break\"", "wallwatch documents --format json --limit 10"}
	case "document":
		return []string{"wallwatch document 3f2a9c1e0b7d"}
	case "mentions":
		return []string{"wallwatch mentions --doc 3f2a9c1e0b7d", "wallwatch mentions --format csv > mentions.csv"}
	case "incidents":
		return []string{"wallwatch incidents --country Nigeria --since 2021-01-01", "wallwatch incidents --actor ISIS --sort escaped --limit 10",
			"wallwatch incidents --type mass_escape --format csv > escapes.csv"}
	case "incident":
		return []string{"wallwatch incident inc-2c9d41", "wallwatch incident inc-2c9d41 --format json"}
	case "export":
		return []string{"wallwatch export --format csv --output incidents.csv", "wallwatch export --format stix --country SY --output syria.stix.json",
			"wallwatch export --format geojson --since 2020-01-01 > incidents.geojson"}
	case "reprocess":
		return []string{"wallwatch reprocess --db wallwatch.db"}
	case "serve":
		return []string{"wallwatch serve", "wallwatch serve --addr 0.0.0.0:8080 --db /data/wallwatch.db"}
	case "review":
		return []string{"wallwatch review merge inc-4b1e2a inc-90cd13 --why \"same raid, two dates\"",
			"wallwatch review reject 3f2a9c1e0b7d4a55:escaped:120-188 --why \"counts transfers\"",
			"wallwatch review set inc-4b1e2a facility \"North Hill jail\"", "wallwatch review confirm inc-4b1e2a fair", "wallwatch review undo 12"}
	case "facilities":
		return []string{"wallwatch facilities", "wallwatch facilities --format json"}
	case "audit":
		return []string{"wallwatch audit", "wallwatch audit --incident inc-4b1e2a --format json"}
	case "gazetteer import":
		return []string{"wallwatch gazetteer import allCountries.txt"}
	}
	return nil
}
