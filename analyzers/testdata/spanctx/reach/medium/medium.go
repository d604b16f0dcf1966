// Package medium carries messages between pipeline workers (openfga's
// listobjects pipeline shape): its interface is implemented here only, by
// channel sends that watch ctx.Done(), so its Send starts no span.
package medium

import "context"

// Message is a unit of work.
type Message struct{ Value []string }

// Medium carries messages.
type Medium interface {
	Send(ctx context.Context, msg *Message) bool
	Recv(ctx context.Context) (*Message, bool)
	Close()
}

// NewStandardMedium returns the default medium.
func NewStandardMedium(capacity int) Medium { return &channelMedium{ch: make(chan *Message, capacity)} }

type channelMedium struct{ ch chan *Message }

func (m *channelMedium) Send(ctx context.Context, msg *Message) bool {
	select {
	case <-ctx.Done():
		return false
	case m.ch <- msg:
		return true
	}
}

func (m *channelMedium) Recv(ctx context.Context) (*Message, bool) {
	select {
	case <-ctx.Done():
		return nil, false
	case msg, ok := <-m.ch:
		return msg, ok
	}
}

func (m *channelMedium) Close() { close(m.ch) }

// Worker processes messages until its input closes.
type Worker interface {
	Listen(m Medium)
	Execute(ctx context.Context)
}
