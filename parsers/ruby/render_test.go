package ruby

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/seams-dev/seams/facts"
)

func TestRenders(t *testing.T) {
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	f, err := p.Parse(context.Background(), "app/controllers/admin/users_controller.rb", []byte(`module Admin
  class UsersController < ApplicationController
    def update
      if ok
        redirect_to users_path
      else
        render :edit, status: :unprocessable_entity
      end
    end

    def create
      respond_to do |format|
        format.html { render action: 'new' }
        format.js { render partial: 'row' }
      end
    end

    def other
      render 'shared/page'
      render template: 'admin/users/show'
      render :partial => 'shared/header'
      render json: @user
      render plain: 'ok'
      render status: 404
      render @user
      render name
      helper.render :edit
    end

    def self.klass
      render :edit
    end
  end

  class Helper
    def x
      render :edit
    end
  end
end
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range f.Refs {
		if r.Kind == facts.Renders {
			got = append(got, fmt.Sprintf("%s %s %s", f.Types[r.From].Methods[r.Method].Name, r.Member, r.Name))
		}
	}
	want := []string{
		`update action "edit"`,
		`create action "new"`,
		`create partial js "row"`,
		`other template "shared/page"`,
		`other template "admin/users/show"`,
		`other partial "shared/header"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("renders:\ngot  %q\nwant %q", got, want)
	}
}
