package main

import (
	"encoding/binary"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/bson"
)

// order runs the scheduler with one command holding the turn while `waiting` queue up (true: a
// read), then releases and returns the order in which the waiting ones got the turn.
func order(t *testing.T, waiting []bool) []int {
	t.Helper()

	queued := make(chan struct{}, len(waiting))
	s := scheduler{queued: func() { queued <- struct{}{} }}

	s.acquire(false) // the command that holds the turn

	var (
		mu  sync.Mutex
		got []int
		wg  sync.WaitGroup
	)

	for i, read := range waiting {
		wg.Add(1)

		go func() {
			defer wg.Done()
			s.acquire(read)
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
			s.release()
		}()
		<-queued // queue them in this order
	}

	s.release()
	wg.Wait()

	if s.busy {
		t.Fatal("the turn is still held after every command ended")
	}

	return got
}

func TestReadsGoBeforeWaitingWrites(t *testing.T) {
	// w0 w1 r2 r3: the reads first, then the writes in their order
	got := order(t, []bool{false, false, true, true})
	want := []int{2, 3, 0, 1}

	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}

func TestWritesAreNotStarved(t *testing.T) {
	// one write, then ten reads: the write goes after at most readsPerWrite of them
	waiting := []bool{false}
	for range 10 {
		waiting = append(waiting, true)
	}

	got := order(t, waiting)
	for pos, i := range got {
		if i == 0 && pos > readsPerWrite {
			t.Fatalf("the write waited behind %d reads: %v", pos, got)
		}
	}
}

// opMsgOf builds an OP_MSG request with one body section.
func opMsgOf(t *testing.T, body bson.D) []byte {
	t.Helper()

	doc, err := bson.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}

	msg := make([]byte, 21, 21+len(doc))
	binary.LittleEndian.PutUint32(msg[12:16], opMsg)
	msg = append(msg, doc...)
	binary.LittleEndian.PutUint32(msg[0:4], uint32(len(msg)))

	return msg
}

func TestIsRead(t *testing.T) {
	cases := []struct {
		name string
		body bson.D
		read bool
	}{
		{"find", bson.D{{Key: "find", Value: "faq"}, {Key: "$db", Value: "s"}}, true},
		{"count", bson.D{{Key: "count", Value: "faq"}}, true},
		{"aggregate", bson.D{{Key: "aggregate", Value: "r"}, {Key: "pipeline", Value: bson.A{bson.D{{Key: "$match", Value: bson.D{}}}}}}, true},
		{"aggregate $out", bson.D{{Key: "aggregate", Value: "r"}, {Key: "pipeline", Value: bson.A{bson.D{{Key: "$out", Value: "x"}}}}}, false},
		{"update", bson.D{{Key: "update", Value: "events"}}, false},
		{"findAndModify", bson.D{{Key: "findAndModify", Value: "events"}}, false},
		{"insert", bson.D{{Key: "insert", Value: "events"}}, false},
		{"an unknown command", bson.D{{Key: "somethingNew", Value: 1}}, false},
	}
	for _, c := range cases {
		if got := isRead(opMsgOf(t, c.body)); got != c.read {
			t.Errorf("%s: isRead = %v, want %v", c.name, got, c.read)
		}
	}

	if isRead([]byte{0, 0, 0, 0}) {
		t.Error("a message too short to be a command is not a read")
	}
}
