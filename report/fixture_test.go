package report

import (
	"strings"

	"github.com/seams-dev/seams/result"
)

// richResult is a hand-made result that fills every section the engine
// will fill: a shared kernel, tables with shared and conflicting
// ownership, a plan, API surfaces, difficulty, cycles at every level and
// diagnostics. It is the shop of the test data, grown a customers
// context and a database.
func richResult() *result.Result {
	member := func(path string, lines int, classes ...string) result.Member {
		return result.Member{Path: path, Lines: lines, Classes: classes}
	}
	const src = "src/main/java/com/acme/shop/"
	r := &result.Result{
		Schema:     result.Schema,
		Tool:       result.Tool{Name: "seams", Version: "0.1.0"},
		Repository: result.Repository{Name: "shop", Commit: "0123456789abcdef0123456789abcdef01234567", Git: true},
		Settings: result.Settings{Level: "file", Resolution: 1, Seed: 1, Tests: false,
			Weights: map[string]float64{"call": 1, "extends": 3, "implements": 2, "new": 1, "type-use": 0.5},
			Layers:  map[string]float64{"structural": 1, "data": 1, "evolution": 0.5}, Strategy: "least-entangled-first"},
		Summary: result.Summary{Files: 12, Lines: 1480, Types: 14, Packages: 5, Skipped: 3, PackagePrefix: "com.acme.shop",
			History:   &result.HistorySummary{Commits: 120, Authors: 4, First: "2021-03-01T10:00:00Z", Last: "2024-06-30T17:45:00+02:00", Pairs: 340, Ignored: 2},
			Languages: []result.LanguageCount{{Language: "java", Files: 11, Lines: 1400}, {Language: "sql", Files: 1, Lines: 80}}},
		Scores: result.Scores{Candidates: 4, Modularity: 0.41, ICP: 0.18, CrossDependencies: 9, CandidateCycles: 1,
			TurboMQ: 2.6, SM: 0.31, IFN: 1.5, NED: 0.4, SharedTables: 0.5},
		Overrides: []result.Override{{Kind: "pin", Description: "com.acme.shop.web.OrderController belongs to ordering", Effect: "moved 1 file from billing"}},
		Candidates: []result.Candidate{
			{ID: "ordering", Name: "ordering",
				Packages: []result.PackageShare{{Name: "com.acme.shop.ordering", Files: 3, Share: 0.8}, {Name: "com.acme.shop.web", Files: 1, Share: 0.2}},
				Members: []result.Member{
					member(src+"ordering/Order.java", 160, "com.acme.shop.ordering.Order", "com.acme.shop.ordering.Order.Status"),
					member(src+"ordering/Cart.java", 120, "com.acme.shop.ordering.Cart"),
					member(src+"ordering/CheckoutService.java", 160, "com.acme.shop.ordering.CheckoutService"),
					member(src+"web/OrderController.java", 60, "com.acme.shop.web.OrderController"),
				},
				Scores: result.CandidateScores{Files: 4, Types: 5, Lines: 500, Cohesion: 0.62, CouplingOut: 14, CouplingIn: 9,
					CallsInternal: 40, CallsOut: 9, CallsIn: 6, CrossCallShare: 0.18,
					DependsOn: []string{"billing", "catalog"}, UsedBy: []string{"billing"},
					OwnedTables: []string{"orders", "order_lines"}, SharedTables: []string{"customers", "products"},
					API:        []result.APIMethod{{Type: "com.acme.shop.ordering.Order", Method: "total", Calls: 4, Callers: 1}, {Type: "com.acme.shop.ordering.CheckoutService", Method: "checkout", Calls: 2, Callers: 1}},
					Difficulty: 46, DifficultyParts: map[string]float64{"calls": 18, "tables": 20, "cycles": 8}}},
			{ID: "billing", Name: "billing",
				Packages: []result.PackageShare{{Name: "com.acme.shop.billing", Files: 3, Share: 1}},
				Members: []result.Member{
					member(src+"billing/Invoice.java", 150, "com.acme.shop.billing.Invoice"),
					member(src+"billing/InvoicingService.java", 140, "com.acme.shop.billing.InvoicingService"),
					member(src+"billing/PaymentService.java", 110, "com.acme.shop.billing.PaymentService"),
				},
				Scores: result.CandidateScores{Files: 3, Types: 3, Lines: 400, Cohesion: 0.55, CouplingOut: 10, CouplingIn: 8,
					CallsInternal: 30, CallsOut: 6, CallsIn: 5, CrossCallShare: 0.17,
					DependsOn: []string{"ordering"}, UsedBy: []string{"ordering"},
					OwnedTables: []string{"invoices"}, SharedTables: []string{"orders", "customers"},
					API:        []result.APIMethod{{Type: "com.acme.shop.billing.InvoicingService", Method: "invoice", Calls: 5, Callers: 1}},
					Difficulty: 52, DifficultyParts: map[string]float64{"calls": 12, "tables": 30, "cycles": 10}}},
			{ID: "catalog", Name: "catalog",
				Packages: []result.PackageShare{{Name: "com.acme.shop.catalog", Files: 3, Share: 1}},
				Members: []result.Member{
					member(src+"catalog/Product.java", 130, "com.acme.shop.catalog.Product"),
					member(src+"catalog/CatalogService.java", 110, "com.acme.shop.catalog.CatalogService"),
					member(src+"catalog/PriceRule.java", 80, "com.acme.shop.catalog.PriceRule"),
				},
				Scores: result.CandidateScores{Files: 3, Types: 3, Lines: 320, Cohesion: 0.81, CouplingIn: 6, CallsInternal: 25, CallsIn: 4,
					DependsOn: []string{}, UsedBy: []string{"ordering"}, OwnedTables: []string{"products"}, SharedTables: []string{},
					API:        []result.APIMethod{{Type: "com.acme.shop.catalog.CatalogService", Method: "priceOf", Calls: 3, Callers: 1}},
					Difficulty: 12, DifficultyParts: map[string]float64{"calls": 6, "tables": 6}}},
			{ID: "customers", Name: "customers",
				Packages: []result.PackageShare{{Name: "com.acme.shop.customers", Files: 2, Share: 1}},
				Members: []result.Member{
					member(src+"customers/Customer.java", 100, "com.acme.shop.customers.Customer"),
					member(src+"customers/CustomerRepository.java", 60, "com.acme.shop.customers.CustomerRepository"),
				},
				Scores: result.CandidateScores{Files: 2, Types: 2, Lines: 160, Cohesion: 0.3, CouplingOut: 2, CouplingIn: 3, CallsInternal: 4, CallsOut: 1, CallsIn: 2, CrossCallShare: 0.2,
					DependsOn: []string{}, UsedBy: []string{}, OwnedTables: []string{"customers"}, SharedTables: []string{}}},
		},
		Kernel: []result.KernelComponent{
			{Name: "com.acme.shop.common.Money", Path: src + "common/Money.java", Kind: "library", Reason: "a value type used by 9 types in 3 candidates", FanIn: 9, UsedBy: 3},
			{Name: "com.acme.shop.common.AuditLog", Path: src + "common/AuditLog.java", Kind: "smell", Reason: "writes audit_log and is called from every candidate", FanIn: 11, UsedBy: 4},
		},
		Dependencies: []result.CandidateDep{
			{From: "ordering", To: "catalog", Weight: 8.5, Kinds: map[string]int{"call": 6, "type-use": 5},
				Examples: []result.DepExample{{From: "com.acme.shop.ordering.CheckoutService", To: "com.acme.shop.catalog.CatalogService", Kind: "call", Member: "priceOf", Count: 3, At: src + "ordering/CheckoutService.java:42"}}},
			{From: "ordering", To: "billing", Weight: 5.5, Kinds: map[string]int{"call": 3, "type-use": 5}},
			{From: "billing", To: "ordering", Weight: 10, Kinds: map[string]int{"call": 6, "implements": 1, "type-use": 4},
				Examples: []result.DepExample{{From: "com.acme.shop.billing.InvoicingService", To: "com.acme.shop.ordering.Order", Kind: "call", Member: "total", Count: 4, At: src + "billing/InvoicingService.java:17"}}},
			{From: "customers", To: "catalog", Weight: 1, Kinds: map[string]int{"call": 1}},
		},
		Tables: []result.TableUse{
			{Name: "orders", Kind: "table", Owner: "ordering", Shared: true,
				Accesses: []result.TableAccess{{Candidate: "ordering", Reads: 6, Writes: 4}, {Candidate: "billing", Reads: 3, Writes: 1}},
				Conflict: "billing also writes it (status updates)", ForeignKeys: []string{"customers"}},
			{Name: "customers", Kind: "table", Owner: "customers", Shared: true,
				Accesses: []result.TableAccess{{Candidate: "customers", Reads: 2, Writes: 3}, {Candidate: "ordering", Reads: 4}, {Candidate: "billing", Reads: 2}}, ForeignKeys: []string{}},
			{Name: "order_lines", Kind: "table", Owner: "ordering", Accesses: []result.TableAccess{{Candidate: "ordering", Reads: 3, Writes: 2}}, ForeignKeys: []string{"orders", "products"}},
			{Name: "products", Kind: "table", Owner: "catalog", Shared: true,
				Accesses: []result.TableAccess{{Candidate: "catalog", Reads: 5, Writes: 2}, {Candidate: "ordering", Reads: 2}}, ForeignKeys: []string{}},
			{Name: "invoices", Kind: "table", Owner: "billing", Accesses: []result.TableAccess{{Candidate: "billing", Reads: 2, Writes: 2}}, ForeignKeys: []string{"orders"}},
			{Name: "monthly_sales", Kind: "view", Accesses: []result.TableAccess{{Candidate: "billing", Reads: 1}}, ForeignKeys: []string{}},
		},
		Plan: result.Plan{Strategy: "least-entangled-first", Steps: []result.PlanStep{
			{Order: 1, Candidate: "catalog", Cost: result.StepCost{CallsIn: 4, Tables: 1, Shared: 1, Score: 9.5},
				API:    []result.APIMethod{{Type: "com.acme.shop.catalog.CatalogService", Method: "priceOf", Calls: 3, Callers: 1}},
				Tables: []result.TableMove{{Table: "products", Action: "sync"}},
				Reason: "Catalog depends on nothing and only ordering calls it, through one method: the cheapest first step."},
			{Order: 2, Candidate: "customers", Cost: result.StepCost{CallsIn: 2, Tables: 1, Shared: 1, Score: 7},
				Tables: []result.TableMove{{Table: "customers", Action: "sync"}},
				Reason: "Small and self-contained once catalog is out; ordering and billing read its table, so publish it through an API first."},
			{Order: 3, Candidate: "billing", Cost: result.StepCost{CallsIn: 5, CallsOut: 6, Tables: 1, Shared: 2, Cycles: 1, Invert: 2, Score: 31},
				API:    []result.APIMethod{{Type: "com.acme.shop.billing.InvoicingService", Method: "invoice", Calls: 5, Callers: 1}},
				Tables: []result.TableMove{{Table: "invoices", Action: "move"}, {Table: "orders", Action: "split"}},
				Reason: "Billing and ordering depend on each other: break the cycle by having billing listen to order events, then split the status columns of orders."},
			{Order: 4, Candidate: "ordering", Cost: result.StepCost{Tables: 2, Score: 4},
				Tables: []result.TableMove{{Table: "orders", Action: "move"}, {Table: "order_lines", Action: "move"}},
				Reason: "What remains is ordering: it takes its tables with it."},
		}},
		Packages: []result.PackageMetrics{
			{Name: "com.acme.shop.billing", Files: 3, Types: 3, Ca: 2, Ce: 3, Instability: 0.6, Candidate: "billing"},
			{Name: "com.acme.shop.catalog", Files: 3, Types: 3, Ca: 3, Instability: 0, Candidate: "catalog"},
			{Name: "com.acme.shop.customers", Files: 2, Types: 2, Ca: 1, Ce: 1, Instability: 0.5, Candidate: "customers"},
			{Name: "com.acme.shop.ordering", Files: 3, Types: 4, Ca: 3, Ce: 4, Instability: 0.57, Candidate: "ordering"},
			{Name: "com.acme.shop.web", Files: 1, Types: 1, Ce: 2, Instability: 1, Candidate: "ordering"},
		},
		Types: []result.TypeMetrics{
			{Name: "com.acme.shop.billing.Invoice", Path: src + "billing/Invoice.java", Line: 5, Kind: "class", Ca: 2, Ce: 3, Instability: 0.6, FanIn: 6, FanOut: 9},
			{Name: "com.acme.shop.billing.InvoicingService", Path: src + "billing/InvoicingService.java", Line: 9, Kind: "class", Ca: 1, Ce: 4, Instability: 0.8, FanIn: 22, FanOut: 30},
			{Name: "com.acme.shop.catalog.CatalogService", Path: src + "catalog/CatalogService.java", Line: 3, Kind: "interface", Ca: 3, Ce: 1, Instability: 0.25, FanIn: 14, FanOut: 2},
			{Name: "com.acme.shop.catalog.Product", Path: src + "catalog/Product.java", Line: 7, Kind: "class", Ca: 4, Ce: 1, Instability: 0.2, FanIn: 10, FanOut: 1},
			{Name: "com.acme.shop.ordering.CheckoutService", Path: src + "ordering/CheckoutService.java", Line: 11, Kind: "class", Ca: 2, Ce: 6, Instability: 0.75, FanIn: 11, FanOut: 25},
			{Name: "com.acme.shop.ordering.Order", Path: src + "ordering/Order.java", Line: 8, Kind: "class", Ca: 5, Ce: 2, Instability: 0.29, FanIn: 20, FanOut: 4},
		},
		Cycles: result.Cycles{
			Types:      [][]string{{"com.acme.shop.billing.InvoicingService", "com.acme.shop.ordering.CheckoutService", "com.acme.shop.ordering.Order"}},
			Packages:   [][]string{{"com.acme.shop.billing", "com.acme.shop.ordering"}},
			Candidates: [][]string{{"billing", "ordering"}},
		},
		Graph: result.GraphSummary{
			Nodes:           map[string]int{"file": 12, "package": 5, "type": 14},
			Edges:           map[string]int{"call": 30, "type-use": 25, "extends": 2},
			References:      map[string]result.Outcome{"java": {Internal: 120, External: 300, Unresolved: 12}},
			ByKind:          map[string]result.Outcome{"call": {Internal: 60, External: 100, Unresolved: 10}, "type-use": {Internal: 60, External: 200, Unresolved: 2}},
			UnresolvedShare: 0.028,
			TopUnresolved:   []result.NameCount{{Name: "?.stream", Count: 5}, {Name: "Foo.bar", Count: 2}},
		},
		Diagnostics: result.Diagnostics{
			Skipped: map[string]int{"test": 2, "generated": 1},
			Files:   []result.Diagnostic{{Path: src + "catalog/web/Broken.java", Line: 12, Severity: "warning", Code: "syntax", Message: "syntax error at line 12; the rest of the file was read"}},
			Notes:   []string{"not a git repository: walked the directory tree"},
		},
	}
	return r
}

// Payloads that would run script if a name reached the page unescaped:
// in element content, in a double- or single-quoted attribute, in a URL,
// in the JSON block and in a DOT string.
const (
	xssScript = `<script>alert(1)</script>`
	xssAttr   = `"onmouseover="alert(1)`
	xssSingle = `'onmouseover='alert(1)`
	xssClose  = `</script><script>alert(1)</script>`
	xssDOT    = `a" URL="javascript:alert(1)" x="`
	xssImg    = `<img src=x onerror=alert(1)>`
)

// xssResult is richResult with the payloads in the names that come from
// the analysed code: a class, a table, a path, a package, a candidate's
// name and ID, the repository, a diagnostic and an unresolved name.
func xssResult() *result.Result {
	r := richResult()
	evilClass := "com.acme.shop.billing." + xssScript + xssAttr
	evilTable := "orders" + xssAttr + xssImg
	evilPath := "src/main/java/" + xssClose + xssSingle + "/Invoice.java"
	r.Repository.Name = "shop" + xssScript
	c := &r.Candidates[1]
	c.Name = "billing" + xssAttr + xssDOT
	c.ID = "billing" + xssAttr
	c.Members[0].Classes = []string{evilClass}
	c.Members[0].Path = evilPath
	c.Packages[0].Name = "com.acme.shop." + xssImg
	for i := range r.Candidates {
		sc := &r.Candidates[i].Scores
		for k, id := range sc.DependsOn {
			if id == "billing" {
				sc.DependsOn[k] = c.ID
			}
		}
		for k, id := range sc.UsedBy {
			if id == "billing" {
				sc.UsedBy[k] = c.ID
			}
		}
		for k, t := range sc.OwnedTables {
			if t == "orders" {
				sc.OwnedTables[k] = evilTable
			}
		}
		for k, t := range sc.SharedTables {
			if t == "orders" {
				sc.SharedTables[k] = evilTable
			}
		}
	}
	for i := range r.Dependencies {
		d := &r.Dependencies[i]
		if d.From == "billing" {
			d.From = c.ID
			for k := range d.Examples {
				d.Examples[k].From = evilClass
				d.Examples[k].At = evilPath + ":17"
			}
		}
		if d.To == "billing" {
			d.To = c.ID
		}
	}
	for i := range r.Tables {
		t := &r.Tables[i]
		if t.Name == "orders" {
			t.Name = evilTable
		}
		for k := range t.Accesses {
			if t.Accesses[k].Candidate == "billing" {
				t.Accesses[k].Candidate = c.ID
			}
		}
		t.Conflict = strings.ReplaceAll(t.Conflict, "billing", xssScript)
	}
	for i := range r.Plan.Steps {
		s := &r.Plan.Steps[i]
		if s.Candidate == "billing" {
			s.Candidate = c.ID
		}
		s.Reason += xssScript
		for k := range s.Tables {
			if s.Tables[k].Table == "orders" {
				s.Tables[k].Table = evilTable
			}
		}
	}
	r.Cycles.Candidates = [][]string{{c.ID, "ordering"}}
	r.Cycles.Types[0][0] = evilClass
	r.Types[0].Name = evilClass
	r.Types[0].Path = evilPath
	r.Kernel[0].Reason = xssImg
	r.Diagnostics.Files[0].Message = xssScript
	r.Diagnostics.Files[0].Path = evilPath
	r.Graph.TopUnresolved[0].Name = xssAttr + xssScript
	r.Diagnostics.Notes = append(r.Diagnostics.Notes, xssClose)
	return r
}
