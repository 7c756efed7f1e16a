package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/tilmash/tilmash/internal/argon2id"
	"github.com/tilmash/tilmash/pipeline"
)

// cmdUser handles "user add NAME --role R [--langs ru,kk] --password-stdin".
func cmdUser(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	if len(args) == 0 || args[0] != "add" {
		return usagef("usage: tilmash user add NAME --role translator|editor|admin [--langs ru,kk] --password-stdin")
	}
	fs := newFlagSet("user add")
	var cfg Config
	cfg.bind(fs, getenv)
	roleFlag := fs.String("role", "", "translator, editor or admin (required)")
	langsFlag := fs.String("langs", "", "languages a translator works in, comma-separated (ru,kk)")
	pwStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := fs.Parse(interleaved(fs, args[1:])); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("user add needs one NAME")
	}
	role, err := pipeline.ParseRole(*roleFlag)
	if err != nil {
		return usagef("%s", errorText(err))
	}
	u := pipeline.User{Name: fs.Arg(0), Role: role}
	for _, l := range strings.Split(*langsFlag, ",") {
		if strings.TrimSpace(l) == "" {
			continue
		}
		lang, err := pipeline.ParseLang(l)
		if err != nil {
			return usagef("%s", errorText(err))
		}
		u.Langs = append(u.Langs, lang)
	}
	if role == pipeline.RoleTranslator && len(u.Langs) == 0 {
		return usagef("a translator needs --langs (for example --langs ru,kk)")
	}
	if !*pwStdin {
		return usagef("give the password on standard input with --password-stdin")
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if len([]rune(pw)) < 8 {
		return usagef("the password must have at least 8 characters")
	}
	hash, err := argon2id.Hash(pw)
	if err != nil {
		return err
	}
	db, err := openDatabase(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	st := newStore(db)
	if _, err := st.CreateUser(ctx, u, hash); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s created (%s)\n", u.Name, u.Role)
	return nil
}

// cmdToken handles "token create USER": prints a new API token, shown only this once.
func cmdToken(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	if len(args) == 0 || args[0] != "create" {
		return usagef("usage: tilmash token create USER")
	}
	fs := newFlagSet("token create")
	var cfg Config
	cfg.bind(fs, getenv)
	if err := fs.Parse(interleaved(fs, args[1:])); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("token create needs one USER")
	}
	db, err := openDatabase(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer db.close(ctx)
	token, err := newStore(db).CreateToken(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}
