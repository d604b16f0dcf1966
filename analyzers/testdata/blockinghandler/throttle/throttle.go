// Package throttle covers pauses in loops: a short pause that throttles a
// loop whose every iteration makes a call with the request's context (a
// poll, a throttled batch, a paced stream) stops within one iteration once
// the client is gone, and is not reported; a pause in a loop that makes no
// such call, makes it only on some iterations, passes a fresh or detached
// context, or pauses for longer than a second, is.
package throttle

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"time"

	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

const pollInterval = 200 * time.Millisecond

type jobs interface {
	Status(ctx context.Context, id string) (string, error)
}

type server struct {
	healthpb.UnimplementedHealthServer
	db    *sql.DB
	jobs  jobs
	pace  time.Duration // from configuration
	cache map[string]string
}

// Waits for a job by polling it with the request's context: silent.
func (s *server) wait(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	for {
		st, err := s.jobs.Status(ctx, r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		if st == "done" {
			break
		}
		time.Sleep(pollInterval)
	}
	w.WriteHeader(http.StatusOK)
}

// Deletes in batches, paced by a configured interval, every batch with the
// request's context: silent.
func (s *server) purge(w http.ResponseWriter, r *http.Request) {
	for _, table := range []string{"events", "sessions", "tokens"} {
		if _, err := s.db.ExecContext(r.Context(), "DELETE FROM "+table+" WHERE expired LIMIT 1000"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		<-time.After(s.pace)
	}
}

// Streams updates at a pace: each Send fails once the stream's context is
// done: silent.
func (s *server) Watch(req *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	for i := 0; i < 10; i++ {
		time.Sleep(100 * time.Millisecond)
		if err := stream.Send(&healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}); err != nil {
			return err
		}
	}
	return nil
}

// Warms a cache with no context-aware call in the loop: reported.
func (s *server) warm(w http.ResponseWriter, r *http.Request) {
	for _, id := range []string{"a", "b", "c"} {
		s.cache[id] = id
		time.Sleep(10 * time.Millisecond) // want `time.Sleep in HTTP handler "warm" ignores the request context`
	}
}

// The context-aware call is made only on some iterations: reported.
func (s *server) sometimes(w http.ResponseWriter, r *http.Request) {
	for i := range 10 {
		if i%2 == 0 {
			s.db.ExecContext(r.Context(), "UPDATE t SET n = n + 1")
		}
		time.Sleep(100 * time.Millisecond) // want `time.Sleep in HTTP handler "sometimes" ignores the request context`
	}
}

// A long pause: the handler waits up to five seconds after the client is
// gone: reported.
func (s *server) slowPoll(w http.ResponseWriter, r *http.Request) {
	for {
		if st, _ := s.jobs.Status(r.Context(), "x"); st == "done" {
			return
		}
		time.Sleep(5 * time.Second) // want `time.Sleep in HTTP handler "slowPoll" ignores the request context`
	}
}

// The loop's calls get a context that never ends with the request:
// reported.
func (s *server) detached(w http.ResponseWriter, r *http.Request) {
	bg := context.WithoutCancel(r.Context())
	for {
		st, err := s.jobs.Status(bg, "x")
		if err != nil || st == "done" {
			break
		}
		time.Sleep(pollInterval) // want `time.Sleep in HTTP handler "detached" ignores the request context`
	}
	for {
		if _, err := s.jobs.Status(context.Background(), "x"); !errors.Is(err, sql.ErrNoRows) {
			break
		}
		time.Sleep(pollInterval) // want `time.Sleep in HTTP handler "detached" ignores the request context`
	}
}
