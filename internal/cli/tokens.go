package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// tokensFlags are the flags of "tokens add" and "tokens list".
type tokensFlags struct {
	user, scope, expires, format string
}

func runTokens(ctx context.Context, e env, args []string) int {
	f := &tokensFlags{}
	verbs := map[string]subcommand{
		"add": {"NAME", "Create an API token for a user and print it once (it is stored hashed).\nClients send it as 'Authorization: Bearer TOKEN'; it allows at most its user's role.\nExample: wallwatch tokens add --user alice --scope read --expires 30d dashboards",
			func(ctx context.Context, e env, s *store.Store, args []string) int {
				return addToken(ctx, e, s, f, args)
			},
			func(fs *flag.FlagSet) {
				fs.StringVar(&f.user, "user", "", "the user the token acts for (required)")
				fs.StringVar(&f.scope, "scope", "read", "read (as a viewer), write (as an analyst) or admin")
				fs.StringVar(&f.expires, "expires", accounts.DefaultLifetime, "lifetime: days (30d), a duration (12h) or never")
			}},
		"list": {"", "List tokens: owner, scope, expiry, last use, revocation (never the token itself).",
			func(ctx context.Context, e env, s *store.Store, _ []string) int {
				return listTokens(ctx, e, s, f.format)
			},
			func(fs *flag.FlagSet) { fs.StringVar(&f.format, "format", "table", "output format: table or json") }},
		"revoke": {"ID", "Revoke a token at once; it stays listed.",
			func(ctx context.Context, e env, s *store.Store, args []string) int {
				id, ok := oneID(e, "tokens", "revoke", args)
				if !ok {
					return exitUsage
				}
				return reportVerb(e, "tokens", "revoke", id, s.RevokeToken(ctx, id, time.Now()))
			}, nil},
	}
	return runVerbs(ctx, e, "tokens", verbs, []string{"add", "list", "revoke"}, args)
}

// cliPrincipal is who the CLI acts as: whoever may open the database may do anything.
var cliPrincipal = auth.Principal{Name: "the command line", Role: auth.Admin}

func addToken(ctx context.Context, e env, s *store.Store, f *tokensFlags, args []string) int {
	if len(args) != 1 || f.user == "" {
		fmt.Fprintln(e.stderr, "wallwatch tokens add: give --user USER and exactly one NAME")
		return exitUsage
	}
	tok, secret, err := accounts.New(s, nil).AddToken(ctx, cliPrincipal, accounts.NewToken{User: f.user, Name: args[0], Scope: f.scope, Expires: f.expires})
	if errors.Is(err, accounts.ErrInvalid) {
		fmt.Fprintf(e.stderr, "wallwatch tokens add: %v\n", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch tokens add: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "token %d (%s, %s scope for %s, expires %s); it is shown only now:\n", tok.ID, tok.Name, tok.Scope, tok.User, stamp(api.TokenView(tok).ExpiresAt))
	fmt.Fprintln(e.stdout, secret)
	return exitOK
}

// listTokens shows tokens as the API does: never their secrets or hashes.
func listTokens(ctx context.Context, e env, s *store.Store, format string) int {
	tokens, err := s.Tokens(ctx)
	views := []api.TokenJSON{}
	for _, t := range tokens {
		views = append(views, api.TokenView(t))
	}
	return printRecords(e, "tokens list", format, err, views, "ID\tNAME\tUSER\tSCOPE\tCREATED\tEXPIRES\tLAST USED\tREVOKED",
		func(v api.TokenJSON) string {
			return fmt.Sprintf("%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s", v.ID, v.Name, v.User, v.Scope, stamp(&v.CreatedAt), stamp(v.ExpiresAt), stamp(v.LastUsedAt), stamp(v.RevokedAt))
		})
}
