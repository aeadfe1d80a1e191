package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/seams-dev/seams/result"
)

func TestIndentKeepsTheValue(t *testing.T) {
	cases := []string{
		`{}`,
		`{"a":[],"b":{},"c":[1,2,{"d":"x,y:{z}[]"}]}`,
		`{"candidates":[{"id":"a","members":[{"path":"p\"q","classes":["A","B"]}],"s":{"x":1}}],"types":[{"name":"T\\","ca":1}]}`,
		`{"s":"\u003cscript\u003e","t":"\\\"","u":[[[[1]]]]}`,
	}
	for _, c := range cases {
		for _, depth := range []int{0, 1, 2, 5} {
			out := indent([]byte(c), map[string]int{"candidates": 4}, depth)
			var want, got any
			if err := json.Unmarshal([]byte(c), &want); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("depth %d: %s is not JSON: %v", depth, out, err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Errorf("depth %d: value changed:\n%s\n%s", depth, c, out)
			}
		}
	}
}

func TestJSONShape(t *testing.T) {
	r := &result.Result{Schema: result.Schema, Candidates: []result.Candidate{{ID: "a", Members: []result.Member{{Path: "x/A.java", Classes: []string{"x.A"}}}}},
		Types: []result.TypeMetrics{{Name: "x.A", Path: "x/A.java"}, {Name: "x.B", Path: "x/B.java"}}}
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"\n  \"schema\": \"seams/result/v1\",\n",
		"\n        {\"path\":\"x/A.java\",\"classes\":[\"x.A\"],\"lines\":0}\n", // a member per line
		"\n    {\"name\":\"x.A\",",                                              // a type per line
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if !strings.HasSuffix(out, "}\n") {
		t.Errorf("no trailing newline")
	}
}
