module Admin
  class UsersController < ApplicationController
    def index
      head :ok
    end

    def show
    end

    def edit
    end

    def update
      if saved?
        redirect_to admin_user_path
      else
        render :edit, status: :unprocessable_entity
      end
    end

    def preview
      respond_to do |format|
        format.html { render partial: 'form' }
        format.js { render partial: 'form' }
        format.json { render json: {} }
      end
    end

    def banner
      render partial: 'shared/header'
    end

    def listing
      render 'shared/list'
    end

    def archive
      render template: 'admin/users/show', layout: false
    end

    def gone
      render :missing
    end

    private

    def user_params
    end
  end
end
