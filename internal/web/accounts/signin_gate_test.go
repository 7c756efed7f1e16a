package accounts

import (
	"context"
	"testing"
	"time"
)

// TestCheckGateBounded: the gate lets n holders in, lets a bounded number wait, and turns the rest
// away at once; a waiter gets in when a holder leaves, or gives up when its request ends.
func TestCheckGateBounded(t *testing.T) {
	t.Parallel()
	g := newCheckGate(2, 1, time.Hour)
	queued := make(chan struct{}, 1)
	g.queued = func() { queued <- struct{}{} }
	ctx := context.Background()
	r1, ok1 := g.enter(ctx)
	r2, ok2 := g.enter(ctx)
	if !ok1 || !ok2 {
		t.Fatal("the first two did not get in")
	}
	got := make(chan bool)
	go func() {
		release, ok := g.enter(ctx)
		if ok {
			release()
		}
		got <- ok
	}()
	<-queued // the third is waiting: the queue of one is full
	if _, ok := g.enter(ctx); ok {
		t.Error("a fourth got in past a full queue")
	}
	r1()
	if !<-got {
		t.Error("the waiter did not get the freed slot")
	}
	cctx, cancel := context.WithCancel(ctx)
	r3, ok3 := g.enter(ctx)
	if !ok3 {
		t.Fatal("no slot after the waiter left")
	}
	go func() {
		_, ok := g.enter(cctx)
		got <- ok
	}()
	<-queued
	cancel()
	if <-got {
		t.Error("a waiter whose request ended got in")
	}
	r2()
	r3()
}
