package app

import (
	"net/http"
	"time"

	"example.com/testdata/blockinghandler/facts/store"
)

type api struct{ st *store.Store }

func (a *api) user(w http.ResponseWriter, r *http.Request) {
	a.st.Find(r.PathValue("id"))   // want `HTTP handler "user" calls a.st.Find, which blocks in \(\*sql.DB\).QueryRow without a context: it is not cancelled when the client goes away, and its span does not join the request's trace \(pass r.Context\(\) down and use the context-aware call\)`
	store.Pause()                  // want `HTTP handler "user" calls store.Pause, which blocks in time.Sleep without a context: it keeps blocking after the client goes away`
	store.Fetch("http://backend/") // want `calls store.Fetch, which blocks in http.Get`
	store.Cached()                 // want `calls store.Cached, which blocks in time.Sleep`
	helper()                       // want `calls helper, which blocks in time.Sleep`

	// Two calls down, beyond the default depth.
	name := a.st.Load(r.PathValue("id"))
	store.Ready(time.Millisecond)
	twoDown()

	a.st.LoadContext(r.Context(), name)
	store.Spawn()
	store.Go(func() { store.Pause() })
	store.Go(func() { helper() })
	w.Write([]byte(name))
}

func helper() { time.Sleep(time.Millisecond) } // want helper:"blocks\\(time.Sleep\\)"

func twoDown() { helper() }
