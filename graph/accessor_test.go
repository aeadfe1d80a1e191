package graph_test

import (
	"slices"
	"testing"

	"github.com/seams-dev/seams/facts"
	"github.com/seams-dev/seams/graph"
)

// TestAccessorCalls checks which calls are marked as getter and setter
// calls, and what they weigh.
func TestAccessorCalls(t *testing.T) {
	g := buildSources(t, map[string]string{
		"src/shop/Account.java": `package shop;
public class Account {
  private String name;
  private boolean active;
  public String getName() {
    return name;
  }
  public void setName(String name) { this.name = name; }
  public boolean isActive() {
    return active;
  }
  public String getDisplayName() {
    String n = name.trim();
    if (n.isEmpty()) {
      return "anonymous";
    }
    return n;
  }
  public static Account getDefault() {
    return new Account();
  }
  public String getField(String key) {
    return key;
  }
  public void setNothing() {
  }
}`,
		"src/shop/Accounts.java": `package shop;
public interface Accounts {
  Account getAccount();
}`,
		"src/shop/Order.java": `package shop;
public class Order {
  String copy(Account a, Accounts all) {
    a.setName(a.getName());
    a.isActive();
    a.getDisplayName();
    Account.getDefault();
    a.getField("x");
    a.setNothing();
    return all.getAccount().getName();
  }
}`,
	})
	var accessors, calls []string
	for _, d := range g.Deps {
		if g.Types[d.From].Simple != "Order" || d.Kind != facts.Call {
			continue
		}
		if d.Accessor {
			accessors = append(accessors, d.Member)
		} else {
			calls = append(calls, d.Member)
		}
	}
	slices.Sort(accessors)
	slices.Sort(calls)
	// getDisplayName is long, getDefault static, getField takes an
	// argument, setNothing none, getAccount has no body to read.
	if want := []string{"getName", "isActive", "setName"}; !slices.Equal(accessors, want) {
		t.Errorf("accessor calls = %v, want %v", accessors, want)
	}
	if want := []string{"getAccount", "getDefault", "getDisplayName", "getField", "setNothing"}; !slices.Equal(calls, want) {
		t.Errorf("other calls = %v, want %v", calls, want)
	}

	get := graph.Dep{Kind: facts.Call, Member: "getName", Count: 4, Accessor: true}
	call := graph.Dep{Kind: facts.Call, Member: "close", Count: 4}
	weights := map[graph.EdgeKind]float64{facts.Call: 1, graph.Accessor: 0.25}
	for _, c := range []struct {
		d       graph.Dep
		weights map[graph.EdgeKind]float64
		want    float64
	}{
		{get, weights, 1},
		{call, weights, 4},
		{get, map[graph.EdgeKind]float64{facts.Call: 1}, 4}, // no accessor weight: a call
	} {
		if got := c.d.Weight(c.weights); got != c.want {
			t.Errorf("%s Weight(%v) = %v, want %v", c.d.Member, c.weights, got, c.want)
		}
	}
}
