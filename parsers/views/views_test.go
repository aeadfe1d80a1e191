package views

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func TestParse(t *testing.T) {
	tests := []struct {
		path, src string
		want      []string // kind member name
	}{
		{"web/WEB-INF/a.jsp", `<%@ page import="a.B, c.*" %><jsp:include page="/x.jsp"/>`, []string{"type-use import a.B", "import include /x.jsp"}},
		{"web/WEB-INF/a.jsp", `<s:form beanclass="a.FooActionBean">${actionBean.x}`, []string{"type-use beanclass a.FooActionBean"}},
		{"src/main/resources/templates/a.html", `<div th:replace="~{f/l :: x}"></div><div th:insert="${v} :: x"></div>`, []string{"import include f/l"}},
		{"x/index.html", `<div th:replace="~{f/l :: x}"></div>`, nil},
		{"app/views/a/b.html.erb", `<%= render 'x' %> render 'text' <%# render 'y' %><%= render partial: "a/z" %>`, []string{"import include x", "import include a/z"}},
		{"Views/A/B.cshtml", "@model List<A.B>\n@inject IFoo Foo\n<partial name=\"_P\" />", []string{"type-use model List", "type-use model A.B", "type-use inject IFoo", "import include _P"}},
		{"resources/views/a.blade.php", `@extends('l.app') @include($v) <x-slot name="t"/> <x-alert/>`, []string{"import extends l.app", "import component alert"}},
		{"templates/a.html.twig", `{% extends cond ? 'a' : 'b' %}{% include 'p.twig' %}`, []string{"import include p.twig"}},
	}
	p, _ := NewParser()
	for _, tt := range tests {
		f, err := p.Parse(context.Background(), tt.path, []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range f.Refs {
			got = append(got, string(r.Kind)+" "+r.Member+" "+r.Name)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.path, got, tt.want)
		}
		if len(f.Types) != 1 || f.Types[0].Kind != facts.Module || f.Types[0].Name != ModuleName {
			t.Errorf("%s: types %v", tt.path, f.Types)
		}
	}
}

// TestJunk feeds bytes that are no template: no panic, no reference.
func TestJunk(t *testing.T) {
	p, _ := NewParser()
	junk := [][]byte{
		{0, 0xff, 0xfe, '<', '%', '@', 0x80},
		bytes.Repeat([]byte("<%@ page import=\""), 1<<14),
		append(bytes.Repeat([]byte("<x-"), 1<<16), []byte(" @include('a')")...),
		[]byte("{% include '\xff\xfe' %}"),
	}
	for _, path := range []string{"a.jsp", "a.erb", "a.cshtml", "a.blade.php", "a.twig", "src/main/resources/templates/a.html"} {
		for _, src := range junk {
			if _, err := p.Parse(context.Background(), path, src); err != nil {
				t.Errorf("%s: %v", path, err)
			}
		}
	}
}
