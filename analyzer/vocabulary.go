package analyzer

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/seams-dev/seams/analyzer/louvain"
	"github.com/seams-dev/seams/graph"
)

// The vocabulary layer couples files that speak of the same things. Each
// file is a bag of the words of the names it declares (types, methods,
// fields) split at case and underscore boundaries, lower-cased, with
// English plurals folded and programming filler dropped ("get", "impl",
// "service"...). Words are weighted by TF-IDF, so a word most files use
// weighs little and a domain word a few files share weighs much; each file
// is linked to its most similar files by cosine similarity. Words used by
// more than a fifth of the files (or 4√n, whichever is fewer) are left out: they cannot tell contexts
// apart, and they would make the comparison quadratic.

// vocabularyK is how many most-similar files each file is linked to.
const vocabularyK = 8

// stopwords are words of programming, not of a domain.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		get set is has can should do to of the and or for from by with in on at as
		new create update delete remove add find save load read write put make build
		init impl abstract base default simple generic common util utils helper
		helpers manager service services controller controllers repository repo
		dao mapper mappers dto entity entities model models domain data api web
		rest resource resources config configuration factory builder handler
		handlers listener event events exception exceptions error errors test
		tests type types value values list map all id ids name names string int
		long boolean object class interface enum record main app application
		request response result results info detail details item items internal
		external context provider adapter wrapper support core base this that
		equals hash code to string tostring hashcode valueof value compare`) {
		m[w] = true
	}
	return m
}()

// splitWords splits an identifier into lower-case words:
// "getOwnerByLastName" → get owner by last name; "HTTPServer" → http server.
func splitWords(id string, emit func(string)) {
	rs := []rune(id)
	start := 0
	flush := func(end int) {
		if end > start {
			emit(strings.ToLower(string(rs[start:end])))
		}
		start = end
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '_' || r == '$' || r == '.' || unicode.IsDigit(r):
			flush(i)
			start = i + 1
		case unicode.IsUpper(r) && i > start:
			prevLower := unicode.IsLower(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || (nextLower && unicode.IsUpper(rs[i-1])) {
				flush(i)
			}
		}
	}
	flush(len(rs))
}

// stem folds English plurals: owners → owner, categories → category,
// addresses → address.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// fileWords returns the words of each file's declared names, with counts.
func fileWords(g *graph.Graph) []map[string]float64 {
	out := make([]map[string]float64, len(g.Files))
	for fi, f := range g.Facts {
		words := map[string]float64{}
		add := func(id string, weight float64) {
			splitWords(id, func(w string) {
				if len(w) < 3 || stopwords[w] {
					return
				}
				words[stem(w)] += weight
			})
		}
		for _, t := range f.Types {
			name := t.Name
			if i := strings.LastIndexByte(name, '.'); i >= 0 {
				name = name[i+1:]
			}
			add(name, 3) // a type's name says most about the file
			for _, fd := range t.Fields {
				add(fd.Name, 1)
			}
			for _, m := range t.Methods {
				if !m.Constructor {
					add(m.Name, 1)
				}
			}
		}
		out[fi] = words
	}
	return out
}

// vocabularyLayer links each file to its most similar files by TF-IDF
// cosine similarity.
func vocabularyLayer(g *graph.Graph) []louvain.Edge {
	return similarityLayer(fileWords(g), vocabularyK)
}

// similarityLayer links each item to its k most similar items by the
// cosine of their TF-IDF vectors: counts are damped (1 + ln tf) and
// weighted by ln(n/df). Terms shared by fewer than two items link nothing,
// and terms shared by very many (more than a fifth of the items, or more
// than 4√n, whichever is fewer) say little and would make the comparison quadratic, so both
// are left out.
func similarityLayer(items []map[string]float64, k int) []louvain.Edge {
	n := len(items)
	if n < 2 {
		return nil
	}
	df := map[string]int{}
	for _, ws := range items {
		for w := range ws {
			df[w]++
		}
	}
	maxDF := max(2, min(n/5, int(4*math.Sqrt(float64(n)))))
	// Terms as numbers, in name order.
	var terms []string
	for t, d := range df {
		if d >= 2 && d <= maxDF {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	id := make(map[string]int32, len(terms))
	for i, t := range terms {
		id[t] = int32(i)
	}
	type entry struct {
		item int32
		w    float64
	}
	type term struct {
		id int32
		w  float64
	}
	vecs := make([][]term, n)
	index := make([][]entry, len(terms))
	for i, ws := range items {
		for w, tf := range ws {
			if t, ok := id[w]; ok && tf > 0 {
				vecs[i] = append(vecs[i], term{t, (1 + math.Log(tf)) * math.Log(float64(n)/float64(df[w]))})
			}
		}
		// Sum in term order: the same bits on every run.
		slices.SortFunc(vecs[i], func(a, b term) int { return cmp.Compare(a.id, b.id) })
		norm := 0.0
		for _, t := range vecs[i] {
			norm += t.w * t.w
		}
		if norm == 0 {
			vecs[i] = nil
			continue
		}
		norm = math.Sqrt(norm)
		for j := range vecs[i] {
			vecs[i][j].w /= norm
		}
	}
	for i, vec := range vecs {
		for _, t := range vec {
			index[t.id] = append(index[t.id], entry{int32(i), t.w})
		}
	}
	// For each item, the dot products with every item sharing a term, in
	// a dense accumulator, then its k best.
	acc := make([]float64, n)
	var touched []int32
	best := make([]entry, 0, k)
	weight := map[[2]int]float64{}
	var edges []louvain.Edge
	for a, vec := range vecs {
		touched = touched[:0]
		for _, t := range vec {
			for _, e := range index[t.id] {
				if int(e.item) == a {
					continue
				}
				if acc[e.item] == 0 {
					touched = append(touched, e.item)
				}
				acc[e.item] += t.w * e.w
			}
		}
		// The k best, kept sorted by insertion (k is small).
		better := func(x, y entry) bool { return x.w > y.w || x.w == y.w && x.item < y.item }
		best := best[:0]
		for _, b := range touched {
			e := entry{b, acc[b]}
			acc[b] = 0
			if len(best) == k && !better(e, best[k-1]) {
				continue
			}
			i := len(best)
			if i < k {
				best = append(best, e)
			} else {
				i = k - 1
			}
			for i > 0 && better(e, best[i-1]) {
				best[i] = best[i-1]
				i--
			}
			best[i] = e
		}
		for _, e := range best {
			if e.w < 0.05 {
				break
			}
			key := [2]int{min(a, int(e.item)), max(a, int(e.item))}
			if _, seen := weight[key]; !seen {
				weight[key] = e.w
				edges = append(edges, louvain.Edge{A: key[0], B: key[1], W: e.w})
			}
		}
	}
	slices.SortFunc(edges, func(x, y louvain.Edge) int { return cmp.Or(cmp.Compare(x.A, y.A), cmp.Compare(x.B, y.B)) })
	return edges
}

// technicalAffixes are the parts of a type name that say what role it
// plays, not what it is about: OrderController, OrderService,
// OrderRepositoryImpl, IOrderService and AbstractOrder are all about
// orders.
var technicalSuffixes = []string{
	"Controller", "RestController", "Resource", "Endpoint", "Api", "Handler",
	"Service", "ServiceImpl", "Impl", "Manager", "Facade", "UseCase", "Command",
	"Repository", "Repo", "Dao", "DAO", "Mapper", "Store", "Gateway", "Client",
	"Validator", "Formatter", "Converter", "Assembler", "Serializer", "Deserializer",
	"Factory", "Builder", "Helper", "Util", "Utils", "Dto", "DTO", "Data", "Form",
	"Request", "Response", "View", "ViewModel", "Model", "Entity", "Record",
	"Exception", "Event", "Listener", "Config", "Configuration", "Test", "Tests",
}

var technicalPrefixes = []string{"Abstract", "Base", "Default", "Simple", "Generic", "Jpa", "Jdbc", "Sql", "Mybatis", "Hibernate"}

// nameStem returns the subject of a type name: what is left when the
// technical affixes are removed, plural folded ("OwnerController" →
// "owner", "PetTypeFormatter" → "pettype", "Vets" → "vet"). It returns ""
// when nothing is left.
func nameStem(name string) string {
	for changed := true; changed; {
		changed = false
		for _, s := range technicalSuffixes {
			if len(name) > len(s) && strings.HasSuffix(name, s) {
				name, changed = name[:len(name)-len(s)], true
			}
		}
		for _, p := range technicalPrefixes {
			if len(name) > len(p) && strings.HasPrefix(name, p) && unicode.IsUpper(rune(name[len(p)])) {
				name, changed = name[len(p):], true
			}
		}
		// C#'s interface prefix: IOrderService.
		if len(name) > 2 && name[0] == 'I' && unicode.IsUpper(rune(name[1])) && unicode.IsLower(rune(name[2])) {
			name, changed = name[1:], true
		}
	}
	var words []string
	splitWords(name, func(w string) { words = append(words, w) })
	if len(words) == 0 {
		return ""
	}
	words[len(words)-1] = stem(words[len(words)-1])
	return strings.Join(words, "")
}

// namesLayer links the files whose main types share a subject: an
// entity, its controller, service and repository.
func namesLayer(g *graph.Graph) []louvain.Edge {
	byStem := map[string][]int{}
	for fi, f := range g.Facts {
		seen := map[string]bool{}
		for _, t := range f.Types {
			if t.Outer >= 0 {
				continue
			}
			if s := nameStem(t.Name); s != "" && !seen[s] {
				seen[s] = true
				byStem[s] = append(byStem[s], fi)
			}
		}
	}
	var edges []louvain.Edge
	for _, s := range slices.Sorted(func(yield func(string) bool) {
		for k := range byStem {
			if !yield(k) {
				return
			}
		}
	}) {
		fs := byStem[s]
		if len(fs) < 2 || len(fs) > 50 {
			continue // a subject of one file links nothing; of very many, nothing useful
		}
		w := 1 / float64(len(fs)-1)
		for i, a := range fs {
			for _, b := range fs[i+1:] {
				edges = append(edges, louvain.Edge{A: a, B: b, W: w})
			}
		}
	}
	return edges
}
