package main

// The proxy runs one command at a time (see proxy.go). Which one runs next matters when many
// wait: during a burst of writes (200 people registering for an event at once) a read that has
// nothing to do with them would wait behind every queued write. The scheduler still runs one
// command at a time, so every guarantee of the one-at-a-time proxy holds, but hands the turn to
// waiting reads before waiting writes, except that a write never waits behind more than
// readsPerWrite reads in a row while writes wait (so writes are never starved).
//
// Reordering is safe: a client connection sends its next command only after the answer to the
// previous one, so commands that wait at the same time come from different connections and are
// concurrent for their clients, exactly as on MongoDB.

import (
	"sync"

	"go.mongodb.org/mongo-driver/bson"
)

// readsPerWrite: how many waiting reads may go before a waiting write.
const readsPerWrite = 4

type scheduler struct {
	mu            sync.Mutex
	busy          bool
	reads, writes []chan struct{}
	readsInARow   int
	queued        func() // tests: called once a command waits in its queue
}

// acquire waits for the turn; read tells which queue to wait in.
func (s *scheduler) acquire(read bool) {
	s.mu.Lock()
	if !s.busy {
		s.busy = true
		s.mu.Unlock()

		return
	}

	turn := make(chan struct{})
	if read {
		s.reads = append(s.reads, turn)
	} else {
		s.writes = append(s.writes, turn)
	}

	if s.queued != nil {
		s.queued()
	}
	s.mu.Unlock()
	<-turn
}

// release hands the turn to the next waiting command, or frees it.
func (s *scheduler) release() {
	s.mu.Lock()
	defer s.mu.Unlock()

	var next chan struct{}

	switch {
	case len(s.reads) > 0 && (len(s.writes) == 0 || s.readsInARow < readsPerWrite):
		next, s.reads = s.reads[0], s.reads[1:]
		if len(s.writes) > 0 {
			s.readsInARow++
		}
	case len(s.writes) > 0:
		next, s.writes = s.writes[0], s.writes[1:]
		s.readsInARow = 0
	default:
		s.busy = false
		s.readsInARow = 0

		return
	}

	close(next) // the turn passes on: busy stays true
}

// readCommands are the commands that only read data; everything else waits as a write.
// Left out on purpose: explain (it may wrap a write), dbStats/collStats/dataSize (they can
// run ANALYZE), and aggregate with $out, $merge or $collStats (see readOnlyPipeline).
var readCommands = map[string]bool{
	"find":            true,
	"count":           true,
	"distinct":        true,
	"aggregate":       true, // unless its pipeline writes; see isRead
	"getMore":         true,
	"listCollections": true,
	"listIndexes":     true,
	"listDatabases":   true,
	"hello":           true,
	"isMaster":        true,
	"ismaster":        true,
	"ping":            true,
	"buildInfo":       true,
	"buildinfo":       true,
}

// isRead reports whether a request is an OP_MSG whose command (the first key of its body)
// is known to only read.
func isRead(req []byte) bool {
	if len(req) < 21 || opCode(req) != opMsg {
		return false
	}

	body, ok := firstBody(req)
	if !ok {
		return false
	}

	elems, err := body.Elements()
	if err != nil || len(elems) == 0 {
		return false
	}

	cmd := elems[0].Key()
	if !readCommands[cmd] {
		return false
	}

	if cmd == "aggregate" {
		return readOnlyPipeline(body)
	}

	return true
}

// readOnlyPipeline reports whether an aggregate's pipeline is an array of stages none of
// which is $out, $merge or $collStats.
func readOnlyPipeline(body bson.Raw) bool {
	arr, ok := body.Lookup("pipeline").ArrayOK()
	if !ok {
		return false
	}

	stages, err := arr.Values()
	if err != nil {
		return false
	}

	for _, st := range stages {
		doc, ok := st.DocumentOK()
		if !ok {
			return false
		}

		elems, err := doc.Elements()
		if err != nil || len(elems) != 1 {
			return false
		}

		switch elems[0].Key() {
		case "$out", "$merge", "$collStats":
			return false
		}
	}

	return true
}
