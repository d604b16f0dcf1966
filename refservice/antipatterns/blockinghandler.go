package antipatterns

import (
	"io"
	"net/http"
)

// BlockingHandler is the blockinghandler anti-pattern: the handler calls
// its backend with Client.Get, which takes no context. When the client
// gives up, the backend call goes on to the end, holding this goroutine,
// its connection and the backend's; and the client span that the
// instrumented transport starts finds no parent in the (missing) context,
// so it is the root of a new trace instead of a child of the request.
// The fix: http.NewRequestWithContext(r.Context(), ...) and h.Client.Do.
func (h *Handlers) BlockingHandler(w http.ResponseWriter, r *http.Request) {
	resp, err := h.Client.Get(h.Backend)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}
