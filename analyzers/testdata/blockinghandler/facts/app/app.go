package app

import (
	"net/http"

	"example.com/testdata/blockinghandler/facts/store"
)

type api struct{ st *store.Store }

func (a *api) user(w http.ResponseWriter, r *http.Request) {
	name := a.st.Load(r.PathValue("id")) // want `HTTP handler "user" calls a.st.Load, which blocks in \(\*sql.DB\).QueryRow without a context: it is not cancelled when the client goes away, and its span does not join the request's trace \(pass r.Context\(\) down and use the context-aware call\)`
	store.Pause()                        // want `HTTP handler "user" calls store.Pause, which blocks in time.Sleep without a context: it keeps blocking after the client goes away`
	store.Countdown(3)                   // want `calls store.Countdown, which blocks in time.Sleep`
	store.Fetch("http://backend/")       // want `calls store.Fetch, which blocks in http.Get`
	helper()                             // want `calls helper, which blocks in time.Sleep`
	store.Cached()                       // want `calls store.Cached, which blocks in time.Sleep`

	a.st.LoadContext(r.Context(), name)
	store.Spawn()
	w.Write([]byte(name))
}

func helper() { deeper() } // want helper:"blocks\\(time.Sleep\\)"

func deeper() { store.Pause() } // want deeper:"blocks\\(time.Sleep\\)"
