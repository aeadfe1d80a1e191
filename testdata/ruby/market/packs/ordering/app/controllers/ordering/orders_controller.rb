class Ordering::OrdersController < ApplicationController
  before_action :load_customer

  def create
    result = Ordering::PlaceOrder.new(@customer).call(params[:cart])
    if result.errors.empty?
      render json: result.order, status: :created
    else
      render json: { errors: result.errors }, status: :unprocessable_entity
    end
  end

  def index
    render json: @customer.orders.order(created_at: :desc)
  end

  private

  def load_customer
    @customer = Ordering::Customer.find(session[:customer_id])
  end
end
