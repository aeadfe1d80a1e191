// Package result defines what an analysis produces: the versioned schema of
// result.json, which the analyzer fills and the report, the history store
// and the scorer read.
//
// # Versioning
//
// Schema names the version ("seams/result/v1"). Within a version, fields
// are only ever added; a field is never renamed, retyped or given another
// meaning. A reader must ignore fields it does not know.
//
// # Determinism
//
// Every list is sorted with full tie-breaks and no field depends on the
// clock, the machine or the path the repository was checked out at, so two
// analyses of the same commit with the same settings give byte-identical
// files.
//
// The meaning of each score is documented on its field and, at more
// length, in docs/result-schema.md.
package result

// Schema is the current schema version.
const Schema = "seams/result/v1"

// Result is the content of result.json.
type Result struct {
	Schema     string      `json:"schema"`
	Tool       Tool        `json:"tool"`
	Repository Repository  `json:"repository"`
	Settings   Settings    `json:"settings"`
	Summary    Summary     `json:"summary"`
	Scores     Scores      `json:"scores"`
	Candidates []Candidate `json:"candidates"`
	// Kernel lists the components set aside before clustering because
	// nearly everything depends on them.
	Kernel []KernelComponent `json:"kernel"`
	// Dependencies between candidates, aggregated over their members.
	Dependencies []CandidateDep `json:"dependencies"`
	// Tables says who reads and writes each table, view and routine.
	Tables []TableUse `json:"tables"`
	// Plan is the extraction roadmap.
	Plan Plan `json:"plan"`
	// Overrides lists the architect's decisions from seams.yaml and what
	// each changed.
	Overrides []Override `json:"overrides"`
	// Trend holds the scores of earlier snapshots of this repository from
	// the history store, oldest first, for the report's trend charts. It
	// depends on the store, not on the code, so it is not written into
	// result.json (which stays byte-identical for a commit).
	Trend       []TrendPoint     `json:"-"`
	Packages    []PackageMetrics `json:"packages"`
	Types       []TypeMetrics    `json:"types"`
	Cycles      Cycles           `json:"cycles"`
	Graph       GraphSummary     `json:"graph"`
	Diagnostics Diagnostics      `json:"diagnostics"`
}

// TrendPoint is the scores of one earlier snapshot.
type TrendPoint struct {
	Commit string
	Date   string // the snapshot's commit date, RFC 3339
	Scores Scores
}

// Tool names the program that wrote the result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Repository identifies what was analysed.
type Repository struct {
	// Name is the base name of the analysed directory (never its full
	// path, which depends on the machine).
	Name   string `json:"name"`
	Commit string `json:"commit,omitempty"` // HEAD, when the directory is a git work tree
	Date   string `json:"date,omitempty"`   // HEAD's commit date, RFC 3339
	Git    bool   `json:"git"`
}

// Settings are the settings the analysis ran with.
type Settings struct {
	Level      string  `json:"level"`      // the unit clustered: "file"
	Resolution float64 `json:"resolution"` // Louvain resolution
	// ResolutionFrom says where the resolution came from: "profile" (the
	// most stable of a modularity profile, the default), "services" (the
	// one giving the candidate count asked for) or "set" (by the user).
	ResolutionFrom string             `json:"resolution_from"`
	Seed           uint64             `json:"seed"`
	Weights        map[string]float64 `json:"weights"` // per edge kind
	// Layers weighs each coupling signal in the clustering (structural,
	// data, evolution, people, vocabulary, names), as asked; a signal
	// absent here was not asked for.
	Layers map[string]float64 `json:"layers"`
	// EmptyLayers are the signals asked for that had nothing to say (no
	// git history, no table access), so did not shape the clustering.
	EmptyLayers []string `json:"empty_layers"`
	Services    int      `json:"services,omitempty"` // the candidate count asked for
	Strategy    string   `json:"strategy"`           // of the plan
	Tests       bool     `json:"tests"`              // test trees included
}

// Summary sizes the repository.
type Summary struct {
	Files     int             `json:"files"`
	Lines     int             `json:"lines"`
	Types     int             `json:"types"`
	Packages  int             `json:"packages"`
	Languages []LanguageCount `json:"languages"`
	Skipped   int             `json:"skipped"` // files listed but not analysed; see diagnostics
	// PackagePrefix is the package prefix nearly all code shares (90% of
	// its packages); candidate names are relative to it.
	PackagePrefix string `json:"package_prefix"`
	// History summarises the git history read for the evolution and
	// people signals; absent without one.
	History *HistorySummary `json:"history,omitempty"`
}

// HistorySummary is what the git history read contained.
type HistorySummary struct {
	Commits int    `json:"commits"`
	Ignored int    `json:"ignored"` // commits of too many files, left out of co-change
	Authors int    `json:"authors"`
	First   string `json:"first"` // commit dates, RFC 3339
	Last    string `json:"last"`
	Pairs   int    `json:"pairs"` // file pairs changed together
}

// LanguageCount sizes one language.
type LanguageCount struct {
	Language string `json:"language"`
	Files    int    `json:"files"`
	Lines    int    `json:"lines"`
}

// Scores are the overall scores of the proposed decomposition.
type Scores struct {
	// Candidates is the number of service candidates.
	Candidates int `json:"candidates"`
	// Modularity is Newman's modularity Q of the partition on the
	// weighted, undirected file graph: the share of edge weight inside
	// candidates minus the share expected at random. Higher is better;
	// above 0.3 usually means real structure.
	Modularity float64 `json:"modularity"`
	// ICP, inter-candidate call percentage: the share of calls (counted
	// per call site) that cross from one candidate to another. Lower is
	// better.
	ICP float64 `json:"icp"`
	// CrossDependencies is the number of distinct type-to-type
	// dependencies that cross candidates. Lower is better.
	CrossDependencies int `json:"cross_dependencies"`
	// CandidateCycles is the number of groups of candidates that depend on
	// each other in a cycle. Lower is better; 0 means the candidates can
	// be layered.
	CandidateCycles int `json:"candidate_cycles"`
	// TurboMQ (Mitchell and Mancoridis): Σ over candidates of
	// μ / (μ + ½ Σ inter-candidate weight in and out). Higher is better,
	// at most the number of candidates.
	TurboMQ float64 `json:"turbo_mq"`
	// IFN, interface number: the mean number of types per candidate that
	// other candidates call. Lower is better.
	IFN float64 `json:"ifn"`
	// NED, non-extreme distribution: the share of files in candidates of
	// fewer than 5 or more than 20 files. Lower is better.
	NED float64 `json:"ned"`
	// SM, structural modularity (Jin et al.): mean cohesion minus mean
	// coupling of candidates over distinct file dependencies. Higher is
	// better.
	SM float64 `json:"sm"`
	// SharedTables is the share of tables touched by more than one
	// candidate. Lower is better.
	SharedTables float64 `json:"shared_tables"`
}

// Candidate is a proposed service.
type Candidate struct {
	// ID is stable across runs: derived from the name.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Packages are the packages with members in the candidate, with the
	// share of the candidate's lines each holds, largest first.
	Packages []PackageShare  `json:"packages"`
	Members  []Member        `json:"members"`
	Scores   CandidateScores `json:"scores"`
	// PackageDeps are the dependencies between its own packages,
	// heaviest first.
	PackageDeps []PackageDep `json:"package_deps"`
	// Links are the strongest ties between its files, per coupling
	// signal: why these files belong together.
	Links []Link `json:"links"`
}

// PackageDep is the dependency of one package on another inside a
// candidate.
type PackageDep struct {
	From   string         `json:"from"`
	To     string         `json:"to"`
	Weight float64        `json:"weight"`
	Kinds  map[string]int `json:"kinds"`
}

// Link is a tie between two files of a candidate in one signal.
type Link struct {
	Layer  string  `json:"layer"` // structural, data, evolution, people, vocabulary, names
	A      string  `json:"a"`     // paths
	B      string  `json:"b"`
	Weight float64 `json:"weight"` // in the layer's own units
}

// PackageShare is a package's part of a candidate.
type PackageShare struct {
	Name  string  `json:"name"`
	Files int     `json:"files"`
	Share float64 `json:"share"`
}

// Member is a file of a candidate.
type Member struct {
	Path    string   `json:"path"`
	Classes []string `json:"classes"` // fully qualified names of the types the file declares
	Lines   int      `json:"lines"`
}

// CandidateScores are a candidate's sizes and couplings. Weights are the
// summed edge weights of the clustered graph (see Settings.Weights).
type CandidateScores struct {
	Files int `json:"files"`
	Types int `json:"types"`
	Lines int `json:"lines"`
	// Cohesion is the weight of edges inside the candidate over the weight
	// of all edges touching it: 1 means it depends on nothing outside and
	// nothing outside depends on it.
	Cohesion float64 `json:"cohesion"`
	// CouplingOut and CouplingIn are the weights of edges to and from
	// other candidates.
	CouplingOut float64 `json:"coupling_out"`
	CouplingIn  float64 `json:"coupling_in"`
	// CallsInternal, CallsOut and CallsIn count call sites inside the
	// candidate, from it to others and from others into it.
	CallsInternal int `json:"calls_internal"`
	CallsOut      int `json:"calls_out"`
	CallsIn       int `json:"calls_in"`
	// CrossCallShare is CallsOut over all calls the candidate makes into
	// the repository: the share of its calls that would become remote.
	CrossCallShare float64 `json:"cross_call_share"`
	// DependsOn and UsedBy list the IDs of the candidates it depends on
	// and that depend on it.
	DependsOn []string `json:"depends_on"`
	UsedBy    []string `json:"used_by"`
	// OwnedTables are the tables it owns (writes most); SharedTables the
	// tables it touches that more than one candidate touches and that it
	// does not own (read-only tables with no owner included).
	OwnedTables  []string `json:"owned_tables"`
	SharedTables []string `json:"shared_tables"`
	// API is the candidate's API surface: its methods called from other
	// candidates, most called first.
	API []APIMethod `json:"api"`
	// Difficulty is a 0–100 extraction difficulty (higher is harder),
	// the sum of its weighted parts.
	Difficulty      float64            `json:"difficulty"`
	DifficultyParts map[string]float64 `json:"difficulty_parts"`
	// ByLayer is its cohesion per clustering signal (structural, data,
	// evolution, people, vocabulary, names; the signals used only).
	ByLayer map[string]LayerScore `json:"by_layer"`
}

// LayerScore is a candidate's ties in one signal, in the signal's own
// units: Internal between two of its files, External between one of
// its files and a file of another candidate. Cohesion is Internal over
// both (1: every tie of the signal stays inside).
type LayerScore struct {
	Internal float64 `json:"internal"`
	External float64 `json:"external"`
	Cohesion float64 `json:"cohesion"`
}

// Override is one decision of the architect's (seams.yaml) and its effect.
type Override struct {
	Kind        string `json:"kind"` // pin, merge, split, kernel-include, kernel-exclude
	Description string `json:"description"`
	Effect      string `json:"effect"`
}

// APIMethod is a method of a candidate called from outside it.
type APIMethod struct {
	Type    string `json:"type"`
	Method  string `json:"method"`
	Calls   int    `json:"calls"`   // call sites outside the candidate
	Callers int    `json:"callers"` // distinct candidates calling it
}

// KernelComponent is a type (with its file) that nearly everything
// depends on, set aside as a shared kernel.
type KernelComponent struct {
	Name string `json:"name"` // fully qualified type
	Path string `json:"path"`
	// Kind says what to do with it: "library" (stateless helpers, value
	// types, base classes: publish as a shared library), "shared-service"
	// (it owns data or behaviour others call: extract early as a service),
	// "smell" (a god class mixing both: split it).
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
	FanIn  int    `json:"fan_in"`  // files depending on its file
	UsedBy int    `json:"used_by"` // candidates depending on it
}

// TableUse is who reads and writes one table, view or routine.
type TableUse struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // table, view, procedure, function, trigger, package
	// Accesses counts each candidate's reads and writes, largest first.
	Accesses []TableAccess `json:"accesses"`
	// Owner is the candidate that writes it most; when nobody writes it
	// in code, the candidate holding the classes mapped to it (if that
	// candidate uses it, or if nobody accesses it directly), else its
	// only reader; "" otherwise. Shared is true when more than one
	// candidate touches it.
	Owner  string `json:"owner"`
	Shared bool   `json:"shared"`
	// Conflict explains an unclear ownership: a tie between writers, or
	// several writers.
	Conflict string `json:"conflict,omitempty"`
	// ForeignKeys lists the tables it references.
	ForeignKeys []string `json:"foreign_keys"`
}

// TableAccess is one candidate's accesses to a table.
type TableAccess struct {
	Candidate string `json:"candidate"`
	Reads     int    `json:"reads"`
	Writes    int    `json:"writes"`
	Calls     int    `json:"calls"`
}

// Plan is an extraction order: one candidate per step, strangler-fig.
type Plan struct {
	// Strategy is "least-entangled-first" or "shared-core-first".
	Strategy string     `json:"strategy"`
	Steps    []PlanStep `json:"steps"`
}

// PlanStep is one extraction, with its cost given the steps before it.
type PlanStep struct {
	Order     int    `json:"order"`
	Candidate string `json:"candidate"`
	// Cost is what extracting it takes once the earlier steps are done:
	// calls to turn into remote calls, tables to move or split, cycles to
	// break; Score sums them with weights (see Reason).
	Cost StepCost `json:"cost"`
	// API lists the methods the rest of the monolith will call.
	API []APIMethod `json:"api"`
	// Tables says what to do with each table it touches.
	Tables []TableMove `json:"tables"`
	// Invert are up to five of the dependencies to invert to take it out
	// of its dependency cycle, heaviest first; InvertInto says they are
	// the others' on it (else its own on them).
	Invert     []DepExample `json:"invert,omitempty"`
	InvertInto bool         `json:"invert_into,omitempty"`
	// Reason explains, in a paragraph a review board can read, why it
	// comes at this point.
	Reason string `json:"reason"`
}

// StepCost is the cost of one plan step.
type StepCost struct {
	CallsIn  int `json:"calls_in"`  // call, new and method-reference sites from what remains into it
	CallsOut int `json:"calls_out"` // the same from it into what remains
	Tables   int `json:"tables"`    // tables to move
	Shared   int `json:"shared"`    // shared tables to split or sync
	Cycles   int `json:"cycles"`    // candidates still in the monolith in a dependency cycle with it
	// Invert is the number of type-level dependencies to invert to take
	// it out of that cycle: its partners' on it or its own on them,
	// whichever are fewer (see PlanStep.Invert).
	Invert int     `json:"invert"`
	Score  float64 `json:"score"`
}

// TableMove is what a plan step does with a table.
type TableMove struct {
	Table string `json:"table"`
	// Action: "move" (it owns it alone), "split" (others write it too:
	// split it first), "sync" (others read it: keep a copy in sync by CDC
	// or dual write), "call" (it reads another candidate's table: go
	// through that candidate's API).
	Action string `json:"action"`
}

// CandidateDep is the coupling of one candidate to another.
type CandidateDep struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Weight float64 `json:"weight"`
	// Kinds counts the type-level references by edge kind.
	Kinds map[string]int `json:"kinds"`
	// Examples are up to five of the strongest type-level dependencies.
	Examples []DepExample `json:"examples"`
}

// DepExample is one type-level dependency, with where it occurs.
type DepExample struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Kind   string `json:"kind"`
	Member string `json:"member,omitempty"`
	Count  int    `json:"count"`
	At     string `json:"at"` // path:line of the first occurrence
}

// PackageMetrics are Robert C. Martin's package metrics.
type PackageMetrics struct {
	Name  string `json:"name"`
	Files int    `json:"files"`
	Types int    `json:"types"`
	// Ca (afferent coupling): types outside the package that depend on
	// types inside it. Ce (efferent): types inside that depend on types
	// outside. Instability = Ce / (Ca + Ce), 0 when both are 0.
	Ca          int     `json:"ca"`
	Ce          int     `json:"ce"`
	Instability float64 `json:"instability"`
	Candidate   string  `json:"candidate"` // the candidate holding most of its lines
}

// TypeMetrics are a type's couplings.
type TypeMetrics struct {
	Name string `json:"name"`
	Path string `json:"path"`
	Line int    `json:"line"`
	Kind string `json:"kind"`
	// Ca: distinct types that depend on it; Ce: distinct types it
	// depends on; Instability = Ce / (Ca + Ce).
	Ca          int     `json:"ca"`
	Ce          int     `json:"ce"`
	Instability float64 `json:"instability"`
	// FanIn and FanOut count references (call sites, type uses...) in and
	// out, across all kinds.
	FanIn  int `json:"fan_in"`
	FanOut int `json:"fan_out"`
}

// Cycles are the strongly connected components with more than one node,
// largest first; each lists its members sorted.
type Cycles struct {
	Types      [][]string `json:"types"`
	Packages   [][]string `json:"packages"`
	Candidates [][]string `json:"candidates"`
}

// GraphSummary sizes the dependency graph and says how well names resolved.
type GraphSummary struct {
	Nodes map[string]int `json:"nodes"` // per level: type, file, package
	// Edges counts distinct type-level dependencies per kind.
	Edges map[string]int `json:"edges"`
	// References counts every reference by outcome: internal (an edge),
	// external (JDK or library, not a node), unresolved.
	References map[string]Outcome `json:"references"` // per language
	ByKind     map[string]Outcome `json:"by_kind"`
	// UnresolvedShare is unresolved over all references.
	UnresolvedShare float64     `json:"unresolved_share"`
	TopUnresolved   []NameCount `json:"top_unresolved"`
	DuplicateTypes  []string    `json:"duplicate_types,omitempty"`
}

// Outcome counts how references ended.
type Outcome struct {
	Internal   int `json:"internal"`
	External   int `json:"external"`
	Unresolved int `json:"unresolved"`
}

// NameCount is a name and how often it occurred.
type NameCount struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Diagnostics are the problems met, per file, and the files skipped.
type Diagnostics struct {
	// Skipped counts files the walker or the parser left out, by reason.
	Skipped map[string]int `json:"skipped"`
	// Files lists the per-file problems: skipped by the parser, or
	// analysed with some loss (syntax errors, encoding).
	Files []Diagnostic `json:"files"`
	// Notes are run-wide remarks (no git, fallbacks).
	Notes []string `json:"notes"`
}

// Diagnostic is a problem with one file.
type Diagnostic struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Severity string `json:"severity"` // "warning": analysed with some loss; "skipped": not analysed
	Code     string `json:"code"`     // syntax, encoding, binary, generated, unreadable, parse-failed, unsupported, internal, or a language's own (go-untyped, ...)
	Message  string `json:"message"`
}
