package main

// A MongoDB wire-protocol proxy in front of FerretDB that runs one command at a time.
//
// Why: FerretDB 1.24's SQLite backend implements update, findAndModify etc. as
// "query, change the document in Go, write it back" without any lock, so concurrent
// commands lose updates (100 parallel {$inc: {n: 1}} left n=5; 60 parallel guarded
// findOneAndUpdate calls on 10 seats all "won"). Running one command at a time across
// all connections makes every single command atomic, as it is on MongoDB. Waiting reads
// take their turn before waiting writes, within limits (scheduler.go).
//
// It also rewrites one error: a unique index violation caused by an update
// (update, findAndModify, replace) comes back from FerretDB as InternalError (code 1)
// "UNIQUE constraint failed"; MongoDB reports DuplicateKey (code 11000), which
// application code checks for.

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"regexp"
	"strings"
	"sync"

	"go.mongodb.org/mongo-driver/bson"
)

const (
	opReply      = 1
	opUpdate     = 2001
	opInsert     = 2002
	opQuery      = 2004
	opGetMore    = 2005
	opDelete     = 2006
	opKillCursor = 2007
	opCompressed = 2012
	opMsg        = 2013

	msgFlagChecksumPresent = 1 << 0
	msgFlagMoreToCome      = 1 << 1

	maxMessageSize = 64 << 20 // MongoDB's limit is 48 000 000 bytes
)

type proxy struct {
	ln     net.Listener
	dial   func() (net.Conn, error)
	logger *slog.Logger

	sched scheduler // one request/response exchange at a time, reads first (scheduler.go)

	connsMu sync.Mutex
	conns   map[net.Conn]struct{}
	closed  bool

	wg sync.WaitGroup
}

func newProxy(ln net.Listener, dial func() (net.Conn, error), logger *slog.Logger) *proxy {
	return &proxy{ln: ln, dial: dial, logger: logger, conns: map[net.Conn]struct{}{}}
}

// run accepts connections until ctx is canceled, then closes everything and waits.
func (p *proxy) run(ctx context.Context) {
	go func() {
		<-ctx.Done()
		_ = p.ln.Close()

		p.connsMu.Lock()
		p.closed = true
		for c := range p.conns {
			_ = c.Close()
		}
		p.connsMu.Unlock()
	}()

	for {
		client, err := p.ln.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				break
			}

			p.logger.Warn("proxy: accept failed", slog.String("error", err.Error()))
			continue
		}

		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.serve(client)
		}()
	}

	p.wg.Wait()
}

func (p *proxy) track(c net.Conn) bool {
	p.connsMu.Lock()
	defer p.connsMu.Unlock()

	if p.closed {
		return false
	}

	p.conns[c] = struct{}{}

	return true
}

func (p *proxy) untrack(c net.Conn) {
	p.connsMu.Lock()
	delete(p.conns, c)
	p.connsMu.Unlock()

	_ = c.Close()
}

func (p *proxy) serve(client net.Conn) {
	defer p.untrack(client)
	if !p.track(client) {
		return
	}

	backend, err := p.dial()
	if err != nil {
		p.logger.Error("proxy: cannot connect to FerretDB", slog.String("error", err.Error()))
		return
	}

	defer p.untrack(backend)
	if !p.track(backend) {
		return
	}

	for {
		req, err := readMessage(client)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				p.logger.Debug("proxy: client read", slog.String("error", err.Error()))
			}

			return
		}

		if err = p.exchange(req, client, backend); err != nil {
			p.logger.Debug("proxy: exchange", slog.String("error", err.Error()))
			return
		}
	}
}

// exchange forwards one request and its response(s) while it has the turn.
func (p *proxy) exchange(req []byte, client, backend net.Conn) error {
	p.sched.acquire(isRead(req))
	defer p.sched.release()

	if _, err := backend.Write(req); err != nil {
		return err
	}

	if !expectsReply(req) {
		return nil
	}

	for {
		resp, err := readMessage(backend)
		if err != nil {
			return err
		}

		resp = fixDuplicateKey(req, resp)

		if _, err = client.Write(resp); err != nil {
			return err
		}

		if !isMoreToCome(resp) {
			return nil
		}
	}
}

func readMessage(r io.Reader) ([]byte, error) {
	var l [4]byte
	if _, err := io.ReadFull(r, l[:]); err != nil {
		return nil, err
	}

	n := int32(binary.LittleEndian.Uint32(l[:]))
	if n < 16 || n > maxMessageSize {
		return nil, fmt.Errorf("invalid message length %d", n)
	}

	msg := make([]byte, n)
	copy(msg, l[:])

	if _, err := io.ReadFull(r, msg[4:]); err != nil {
		return nil, err
	}

	return msg, nil
}

func opCode(msg []byte) int32 { return int32(binary.LittleEndian.Uint32(msg[12:16])) }

func msgFlags(msg []byte) uint32 {
	if opCode(msg) != opMsg || len(msg) < 20 {
		return 0
	}

	return binary.LittleEndian.Uint32(msg[16:20])
}

func expectsReply(req []byte) bool {
	switch opCode(req) {
	case opMsg:
		return msgFlags(req)&msgFlagMoreToCome == 0
	case opQuery, opGetMore, opCompressed:
		return true
	default: // legacy fire-and-forget opcodes
		return false
	}
}

func isMoreToCome(resp []byte) bool {
	return opCode(resp) == opMsg && msgFlags(resp)&msgFlagMoreToCome != 0
}

// singleBody returns the body document of an OP_MSG made of exactly one kind 0 section.
func singleBody(msg []byte) (bson.Raw, bool) {
	if opCode(msg) != opMsg || len(msg) < 21+5 || msgFlags(msg)&msgFlagChecksumPresent != 0 || msg[20] != 0 {
		return nil, false
	}

	doc := bson.Raw(msg[21:])
	if int(binary.LittleEndian.Uint32(doc[:4])) != len(doc) || doc.Validate() != nil {
		return nil, false
	}

	return doc, true
}

// firstBody returns the kind 0 section of a request (it may be followed by kind 1 sections).
func firstBody(msg []byte) (bson.Raw, bool) {
	if opCode(msg) != opMsg || len(msg) < 21+5 || msg[20] != 0 {
		return nil, false
	}

	n := int(binary.LittleEndian.Uint32(msg[21:25]))
	if n < 5 || 21+n > len(msg) {
		return nil, false
	}

	doc := bson.Raw(msg[21 : 21+n])

	return doc, doc.Validate() == nil
}

var sqliteUniqueRe = regexp.MustCompile(`UNIQUE constraint failed: index '[^']*?_[0-9a-f]{8}_([^']+)'`)

func fixDuplicateKey(req, resp []byte) []byte {
	body, ok := singleBody(resp)
	if !ok {
		return resp
	}

	code, ok := body.Lookup("code").AsInt64OK()
	if !ok || code != 1 {
		return resp
	}

	errmsg, _ := body.Lookup("errmsg").StringValueOK()
	if !strings.Contains(errmsg, "UNIQUE constraint failed") {
		return resp
	}

	ns := "?"
	if reqBody, ok := firstBody(req); ok {
		if elems, err := reqBody.Elements(); err == nil && len(elems) > 0 {
			coll, _ := elems[0].Value().StringValueOK()
			db, _ := reqBody.Lookup("$db").StringValueOK()
			ns = db + "." + coll
		}
	}

	msg := "E11000 duplicate key error collection: " + ns
	if m := sqliteUniqueRe.FindStringSubmatch(errmsg); m != nil {
		msg += " index: " + m[1]
	}

	newBody, err := bson.Marshal(bson.D{
		{Key: "ok", Value: 0.0},
		{Key: "errmsg", Value: msg},
		{Key: "code", Value: int32(11000)},
		{Key: "codeName", Value: "DuplicateKey"},
	})
	if err != nil {
		return resp
	}

	out := make([]byte, 21, 21+len(newBody))
	copy(out, resp[:21])
	out = append(out, newBody...)
	binary.LittleEndian.PutUint32(out[:4], uint32(len(out)))

	return out
}
