// Command wallwatch turns open-source reporting on attacks on prisons into a sourced,
// deduplicated incident database. See README.md.
package main

import (
	"os"

	"github.com/wallwatch/wallwatch/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:])) }
