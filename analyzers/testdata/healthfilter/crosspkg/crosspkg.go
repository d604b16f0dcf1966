package crosspkg

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"

	"example.com/testdata/healthfilter/routes"
)

func Returned() http.Handler {
	return otelhttp.NewHandler(routes.Routes(), "server") // want `traces the health-check route "/healthz"`
}

func Registered() http.Handler {
	mux := http.NewServeMux()
	routes.RegisterProbes(mux)
	return otelhttp.NewHandler(mux, "server") // want `traces the health-check route "/healthz"`
}

func NoProbes() http.Handler {
	return otelhttp.NewHandler(routes.API(), "server")
}

func Method(a *routes.App) http.Handler {
	return otelhttp.NewMiddleware("server")(a.Mux()) // want `otelhttp.NewMiddleware traces the health-check route "/healthz", "/readyz"`
}
