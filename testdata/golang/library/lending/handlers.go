package lending

import (
	"net/http"
	"strconv"
)

// Routes registers the lending endpoints.
func Routes(mux *http.ServeMux, s *Service) {
	mux.HandleFunc("/loans/return", s.handleReturn)
	mux.HandleFunc("/health", health)
}

func (s *Service) handleReturn(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err := s.Return(id); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func health(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) }
