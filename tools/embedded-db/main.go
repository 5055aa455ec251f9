// Command sasiad-embedded-db runs an embedded FerretDB (v1.24.2, SQLite backend)
// that speaks the MongoDB wire protocol on a loopback address.
//
// It is for local runs and tests only; production uses a real MongoDB (MONGODB_URI).
//
// Once the listener accepts connections it prints exactly one line to stdout:
//
//	READY mongodb://127.0.0.1:<port>/
//
// Everything else (FerretDB's logs) goes to stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "sasiad-embedded-db: %s\n", err)
		os.Exit(1)
	}
}

func run() error {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on; loopback only (port 0 picks a free port)")
	dataDir := flag.String("data-dir", "", "directory for the SQLite files (created if missing)")
	memory := flag.Bool("memory", false, "keep all data in memory (lost on exit) instead of -data-dir")
	logLevel := flag.String("log-level", "warn", "log level on stderr: debug, info, warn or error")
	exitOnStdinEOF := flag.Bool("exit-on-stdin-eof", false, "exit when stdin reaches EOF (the parent process went away)")
	flag.Parse()

	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %q", flag.Args())
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: use debug, info, warn or error", *logLevel)
	}

	addr, err := loopbackAddr(*listen)
	if err != nil {
		return err
	}

	sqliteURL, err := sqliteURL(*dataDir, *memory)
	if err != nil {
		return err
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	if *exitOnStdinEOF {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(ctx)
		defer cancel()

		go func() {
			// Whatever the parent writes is ignored; EOF (or an error) means the parent is gone.
			_, _ = io.Copy(io.Discard, os.Stdin)
			logger.Info("stdin reached EOF, shutting down")
			cancel()
		}()
	}

	// In FerretDB 1.24.2, New already binds the listening socket
	// (clientconn.Listen calls net.Listen), so the real port is known right away.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		return fmt.Errorf("cannot start FerretDB: %w", err)
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	uri := f.MongoDBURI()

	if err := waitAccepting(ctx, uri, done); err != nil {
		return err
	}

	if ctx.Err() == nil {
		// os.Stdout is unbuffered: the line reaches the parent immediately.
		fmt.Fprintf(os.Stdout, "READY %s\n", uri)
	}

	err = <-done

	// a second signal during shutdown kills the process the default way
	stop()

	if err != nil {
		return err
	}

	logger.Info("stopped")

	return nil
}

// loopbackAddr checks that the address to listen on is host:port with a loopback host.
func loopbackAddr(listen string) (string, error) {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return "", fmt.Errorf("invalid -listen %q: %s (expected 127.0.0.1:<port>)", listen, err)
	}

	if host == "localhost" {
		host = "127.0.0.1"
	}

	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf(
			"refusing to listen on %q: only loopback addresses (127.0.0.1, ::1, localhost) are allowed; "+
				"this database has no authentication and is meant for local runs and tests only",
			listen,
		)
	}

	return net.JoinHostPort(host, port), nil
}

// sqliteURL returns the SQLite URI in the form FerretDB's sqlite backend needs:
// "file:" scheme, a path to an existing directory that ends with "/".
func sqliteURL(dataDir string, memory bool) (string, error) {
	if memory {
		if dataDir != "" {
			return "", errors.New("use either -memory or -data-dir, not both")
		}

		// The path is not used for in-memory databases, but it must be an existing directory.
		// FerretDB limits each in-memory database to one SQLite connection, so all clients share it.
		return "file:./?mode=memory", nil
	}

	if dataDir == "" {
		return "", errors.New("either -data-dir <directory> or -memory is required")
	}

	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return "", fmt.Errorf("invalid -data-dir %q: %s", dataDir, err)
	}

	// FerretDB passes the path to SQLite unescaped, so these characters cannot be represented.
	if strings.ContainsAny(abs, "?#%") {
		return "", fmt.Errorf("invalid -data-dir %q: the path must not contain '?', '#' or '%%'", abs)
	}

	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("cannot create -data-dir: %s", err)
	}

	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // Windows drive letters: file:/C:/dir/
	}

	if !strings.HasSuffix(abs, "/") {
		abs += "/"
	}

	return "file:" + abs, nil
}

// waitAccepting dials the listener until a TCP connection succeeds.
func waitAccepting(ctx context.Context, uri string, done <-chan error) error {
	u, err := url.Parse(uri)
	if err != nil {
		return fmt.Errorf("unexpected MongoDB URI %q: %s", uri, err)
	}

	deadline := time.Now().Add(30 * time.Second)

	for {
		conn, err := net.DialTimeout("tcp", u.Host, time.Second)
		if err == nil {
			_ = conn.Close()
			return nil
		}

		if time.Now().After(deadline) {
			return fmt.Errorf("listener at %s does not accept connections: %s", u.Host, err)
		}

		select {
		case <-ctx.Done():
			return nil
		case err := <-done:
			return fmt.Errorf("FerretDB stopped before it was ready: %v", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
