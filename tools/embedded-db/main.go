// Command sasiad-embedded-db runs an embedded FerretDB (v1.24.2, SQLite backend)
// that speaks the MongoDB wire protocol on a loopback address.
//
// It is for local runs and tests only; production uses a real MongoDB (MONGODB_URI).
//
// Clients connect to a small proxy (proxy.go) that runs one command at a time, because
// FerretDB 1.24's SQLite backend is not atomic under concurrent updates; FerretDB itself
// listens on a private Unix socket.
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
	"strconv"
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
	memory := flag.Bool("memory", false, "throwaway storage: a temporary directory deleted on exit, instead of -data-dir")
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

	if *memory && *dataDir != "" {
		return errors.New("use either -memory or -data-dir, not both")
	}

	if !*memory && *dataDir == "" {
		return errors.New("either -data-dir <directory> or -memory is required")
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	removeStaleRuntimeDirs(logger)

	// Private directory for FerretDB's Unix socket (and the -memory data); removed on exit.
	runtimeDir, err := os.MkdirTemp("", fmt.Sprintf("%s%d-", runtimeDirPrefix, os.Getpid()))
	if err != nil {
		return fmt.Errorf("cannot create a temporary directory: %s", err)
	}
	defer os.RemoveAll(runtimeDir)

	var sqliteURL string
	if *memory {
		// FerretDB's own in-memory mode (file:./?mode=memory) deadlocks on findAndModify and
		// update in 1.24.2 (one SQLite connection, a read cursor open while the write waits),
		// so use throwaway files instead; synchronous(off) as durability does not matter.
		dir := filepath.Join(runtimeDir, "data")
		if err = os.Mkdir(dir, 0o700); err != nil {
			return fmt.Errorf("cannot create a temporary directory: %s", err)
		}

		if sqliteURL, err = dirURL(dir); err != nil {
			return err
		}

		sqliteURL += "?_pragma=synchronous(off)"
	} else {
		if sqliteURL, err = dataDirURL(*dataDir); err != nil {
			return err
		}
	}

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

	// Clients talk to our proxy (see proxy.go); FerretDB itself listens on a private Unix socket.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %s", addr, err)
	}

	sock := filepath.Join(runtimeDir, "ferretdb.sock")

	// In FerretDB 1.24.2, New already binds the listening socket (clientconn.Listen).
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{Unix: sock},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		_ = ln.Close()
		return fmt.Errorf("cannot start FerretDB: %w", err)
	}

	ferretDone := make(chan struct{})
	go func() {
		defer close(ferretDone)
		_ = f.Run(ctx)
	}()

	p := newProxy(ln, func() (net.Conn, error) { return net.Dial("unix", sock) }, logger)

	proxyDone := make(chan struct{})
	go func() {
		defer close(proxyDone)
		p.run(ctx)
	}()

	uri := (&url.URL{Scheme: "mongodb", Host: ln.Addr().String(), Path: "/"}).String()

	if err = waitAccepting(ctx, ln.Addr().String(), ferretDone); err != nil {
		stop()
		<-proxyDone
		<-ferretDone
		return err
	}

	if ctx.Err() == nil {
		// os.Stdout is unbuffered: the line reaches the parent immediately.
		fmt.Fprintf(os.Stdout, "READY %s\n", uri)
		logger.Info("ready", slog.String("uri", uri), slog.String("sqlite", sqliteURL))
	}

	<-ctx.Done()

	// a second signal during shutdown kills the process the default way
	stop()

	<-proxyDone
	<-ferretDone

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

// dataDirURL creates the directory if needed and returns its SQLite URI.
func dataDirURL(dataDir string) (string, error) {
	abs, err := filepath.Abs(dataDir)
	if err != nil {
		return "", fmt.Errorf("invalid -data-dir %q: %s", dataDir, err)
	}

	if err := os.MkdirAll(abs, 0o755); err != nil {
		return "", fmt.Errorf("cannot create -data-dir: %s", err)
	}

	return dirURL(abs)
}

// dirURL returns the SQLite URI in the form FerretDB's sqlite backend needs:
// "file:" scheme, an absolute path to an existing directory, ending with "/".
func dirURL(dir string) (string, error) {
	// FerretDB passes the path to SQLite unescaped, so these characters cannot be represented.
	if strings.ContainsAny(dir, "?#%") {
		return "", fmt.Errorf("invalid directory %q: the path must not contain '?', '#' or '%%'", dir)
	}

	dir = filepath.ToSlash(dir)
	if !strings.HasPrefix(dir, "/") {
		dir = "/" + dir // Windows drive letters: file:/C:/dir/
	}

	if !strings.HasSuffix(dir, "/") {
		dir += "/"
	}

	return "file:" + dir, nil
}

const runtimeDirPrefix = "sasiad-embedded-db-"

// removeStaleRuntimeDirs removes temporary directories left by instances that were killed.
func removeStaleRuntimeDirs(logger *slog.Logger) {
	matches, _ := filepath.Glob(filepath.Join(os.TempDir(), runtimeDirPrefix+"*"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), runtimeDirPrefix)
		pidStr, _, _ := strings.Cut(rest, "-")

		pid, err := strconv.Atoi(pidStr)
		if err != nil || pid <= 0 || pid == os.Getpid() || processAlive(pid) {
			continue
		}

		if err = os.RemoveAll(m); err == nil {
			logger.Info("removed stale temporary directory", slog.String("dir", m))
		}
	}
}

func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}

	err = p.Signal(syscall.Signal(0))

	return err == nil || errors.Is(err, syscall.EPERM)
}

// waitAccepting dials the listener until a TCP connection goes through.
func waitAccepting(ctx context.Context, addr string, ferretDone <-chan struct{}) error {
	deadline := time.Now().Add(30 * time.Second)

	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = conn.Close()
			return nil
		}

		if time.Now().After(deadline) {
			return fmt.Errorf("listener at %s does not accept connections: %s", addr, err)
		}

		select {
		case <-ctx.Done():
			return nil
		case <-ferretDone:
			return errors.New("FerretDB stopped before it was ready")
		case <-time.After(50 * time.Millisecond):
		}
	}
}
