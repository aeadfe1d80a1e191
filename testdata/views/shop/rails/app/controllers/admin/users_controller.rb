module Admin
  class UsersController < ApplicationController
    def index
      head :ok
    end

    def show
    end

    def edit
    end

    private

    def user_params
    end
  end
end
