package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// markingFlags are the --tlp and --org flags of what brings documents in (ingest, sources add).
type markingFlags struct {
	tlp, org string
}

// marking checks the flags: a known marking, and an owner for the restricted ones
// (docs/accounts.md). It returns the marking, or an error for the usage message.
func (f markingFlags) marking() (model.TLP, error) {
	m, err := model.ParseTLP(f.tlp)
	if err != nil {
		return "", fmt.Errorf("--tlp: %w", err)
	}
	if m.Restricted() && f.org == "" {
		return "", fmt.Errorf("--tlp %s shares documents with their organisation only: name it with --org", m)
	}
	return m, nil
}

// checkOrganisation reports, as an exit code (or -1 when all is well), whether org ("" none)
// names an existing organisation: a mistyped name would own documents or rules nobody sees.
func checkOrganisation(ctx context.Context, e env, s *store.Store, cmd, org string) int {
	if org == "" {
		return -1
	}
	if _, err := s.OrganisationID(ctx, org); errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(e.stderr, "wallwatch %s: --org %q: no such organisation; 'wallwatch users add --org NAME' creates one\n", cmd, org)
		return exitUsage
	} else if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch %s: %v\n", cmd, err)
		return exitFailed
	}
	return -1
}
