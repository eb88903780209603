package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/wallwatch/wallwatch/internal/accounts"
	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/auth"
	"github.com/wallwatch/wallwatch/internal/store"
)

// usersFlags are the flags of "users add" and "users list".
type usersFlags struct {
	admin  bool
	role   string
	org    string
	format string
}

func runUsers(ctx context.Context, e env, args []string) int {
	f := &usersFlags{}
	verbs := map[string]subcommand{
		"add": {"NAME", "Create an account. The password is read from WALLWATCH_PASSWORD or, on a terminal, typed twice;\nthere is never a default. Once any account exists, serve asks everyone to log in.\nExample: wallwatch users add --admin --org Newsroom alice",
			func(ctx context.Context, e env, s *store.Store, args []string) int {
				return addUser(ctx, e, s, f, args)
			},
			func(fs *flag.FlagSet) {
				fs.BoolVar(&f.admin, "admin", false, "make the user an admin (same as --role admin)")
				fs.StringVar(&f.role, "role", "viewer", "viewer (reads), analyst (ingest, review, rules, sources) or admin (also the security log)")
				fs.StringVar(&f.org, "org", "default", "the user's organisation, created when new")
			}},
		"list": {"", "List the accounts with their organisation and role.",
			func(ctx context.Context, e env, s *store.Store, _ []string) int {
				return listUsers(ctx, e, s, f.format)
			},
			func(fs *flag.FlagSet) { fs.StringVar(&f.format, "format", "table", "output format: table or json") }},
		"rm": {"NAME", "Remove an account with its sessions and tokens (the security log keeps its name).",
			func(ctx context.Context, e env, s *store.Store, args []string) int {
				if len(args) != 1 {
					fmt.Fprintln(e.stderr, "wallwatch users rm: give exactly one NAME")
					return exitUsage
				}
				err := accounts.New(s, nil).RemoveUser(ctx, args[0])
				if errors.Is(err, store.ErrLastAdmin) {
					err = fmt.Errorf("%w (wallwatch users add --admin NAME)", err)
				}
				if err != nil {
					fmt.Fprintf(e.stderr, "wallwatch users rm: %v\n", err)
					return exitFailed
				}
				fmt.Fprintf(e.stdout, "removed user %s\n", args[0])
				return exitOK
			}, nil},
	}
	return runVerbs(ctx, e, "users", verbs, []string{"add", "list", "rm"}, args)
}

func addUser(ctx context.Context, e env, s *store.Store, f *usersFlags, args []string) int {
	if len(args) != 1 || strings.TrimSpace(args[0]) == "" {
		fmt.Fprintln(e.stderr, "wallwatch users add: give exactly one NAME")
		return exitUsage
	}
	if f.admin {
		f.role = "admin"
	}
	if _, err := auth.ParseRole(f.role); err != nil {
		fmt.Fprintf(e.stderr, "wallwatch users add: --%v\n", err)
		return exitUsage
	}
	password, err := readPassword(e)
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch users add: %v\n", err)
		return exitUsage
	}
	_, err = accounts.New(s, nil).AddUser(ctx, accounts.NewUser{Name: args[0], Org: f.org, Role: f.role, Password: password})
	if errors.Is(err, accounts.ErrInvalid) {
		fmt.Fprintf(e.stderr, "wallwatch users add: %v\n", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "wallwatch users add: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stdout, "user %s (%s, organisation %s) created; wallwatch serve now asks everyone to log in\n", args[0], f.role, f.org)
	return exitOK
}

// readPassword takes a new password from WALLWATCH_PASSWORD or, when stdin is a terminal, asks
// for it twice without echo.
func readPassword(e env) (string, error) {
	if p := e.getenv("WALLWATCH_PASSWORD"); p != "" {
		return p, nil
	}
	f, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", errors.New("no password: set WALLWATCH_PASSWORD or run on a terminal to type it")
	}
	var typed [2]string
	for i, prompt := range []string{"Password: ", "Again: "} {
		fmt.Fprint(e.stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		typed[i] = string(b)
	}
	if typed[0] != typed[1] {
		return "", errors.New("the two passwords differ")
	}
	return typed[0], nil
}

// listUsers shows accounts as the API does: never their password hashes.
func listUsers(ctx context.Context, e env, s *store.Store, format string) int {
	users, err := s.Users(ctx)
	views := []api.UserJSON{}
	for _, u := range users {
		views = append(views, api.UserView(u))
	}
	return printRecords(e, "users list", format, err, views, "NAME\tORGANISATION\tROLE\tCREATED",
		func(v api.UserJSON) string {
			return fmt.Sprintf("%s\t%s\t%s\t%s", v.Name, v.Organisation, v.Role, stamp(&v.CreatedAt))
		})
}
