package history

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// SARIF writes violations as a SARIF 2.1.0 log (the format code-scanning
// services read): one run of the tool "seams", every rule described,
// one result per violation with its locations, paths relative to the
// repository root (uriBaseId %SRCROOT%). The package's tests validate the
// output against the official 2.1.0 schema.
func SARIF(w io.Writer, version string, vs []Violation) error {
	type message struct {
		Text string `json:"text"`
	}
	type artifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId"`
	}
	type region struct {
		StartLine int `json:"startLine"`
	}
	type physicalLocation struct {
		ArtifactLocation artifactLocation `json:"artifactLocation"`
		Region           *region          `json:"region,omitempty"`
	}
	type location struct {
		PhysicalLocation physicalLocation `json:"physicalLocation"`
	}
	type result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   message    `json:"message"`
		Locations []location `json:"locations"`
	}
	type rule struct {
		ID                   string  `json:"id"`
		Name                 string  `json:"name"`
		ShortDescription     message `json:"shortDescription"`
		DefaultConfiguration struct {
			Level string `json:"level"`
		} `json:"defaultConfiguration"`
	}
	type driver struct {
		Name           string `json:"name"`
		Version        string `json:"version"`
		InformationURI string `json:"informationUri"`
		Rules          []rule `json:"rules"`
	}
	type run struct {
		Tool struct {
			Driver driver `json:"driver"`
		} `json:"tool"`
		Results []result `json:"results"`
	}
	type log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}

	var r run
	r.Tool.Driver = driver{Name: "seams", Version: version, InformationURI: "https://github.com/seams-dev/seams"}
	index := map[string]int{}
	for i, d := range RuleDescriptions {
		ru := rule{ID: d.ID, Name: d.Name, ShortDescription: message{d.Text}}
		ru.DefaultConfiguration.Level = "error"
		r.Tool.Driver.Rules = append(r.Tool.Driver.Rules, ru)
		index[d.ID] = i
	}
	r.Results = []result{}
	for _, v := range vs {
		res := result{RuleID: v.Rule, RuleIndex: index[v.Rule], Level: "error", Message: message{v.Message}, Locations: []location{}}
		for _, at := range v.At {
			pl := physicalLocation{ArtifactLocation: artifactLocation{URI: pathURI(at.Path), URIBaseID: "%SRCROOT%"}}
			if at.Line > 0 {
				pl.Region = &region{StartLine: at.Line}
			}
			res.Locations = append(res.Locations, location{pl})
		}
		r.Results = append(r.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []run{r}})
}

// pathURI writes a repository path as a relative URI reference.
func pathURI(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// GitHub writes violations as GitHub Actions workflow commands: an
// ::error annotation on the first place of each (the others listed in
// its message), shown on the pull request's diff.
func GitHub(w io.Writer, vs []Violation) error {
	for _, v := range vs {
		msg := v.Message
		if len(v.At) > 1 {
			var more []string
			for _, at := range v.At[1:] {
				more = append(more, at.String())
			}
			msg += "\nalso at: " + strings.Join(more, ", ")
		}
		var props []string
		if len(v.At) > 0 {
			props = append(props, "file="+escapeProperty(v.At[0].Path))
			if v.At[0].Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", v.At[0].Line))
			}
		}
		props = append(props, "title="+escapeProperty("seams "+v.Rule))
		if _, err := fmt.Fprintf(w, "::error %s::%s\n", strings.Join(props, ","), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

func (l Location) String() string {
	if l.Line > 0 {
		return fmt.Sprintf("%s:%d", l.Path, l.Line)
	}
	return l.Path
}

// escapeData escapes a workflow command's message, as the Actions
// toolkit does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
