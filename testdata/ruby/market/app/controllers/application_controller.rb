class ApplicationController < ActionController::Base
  before_action :authenticate!

  rescue_from Market::NotFound, with: :not_found

  private

  def authenticate!
    head :unauthorized unless session[:user_id]
  end

  def not_found
    head :not_found
  end
end
