class ShipmentsController < ActionController::Base
  def index
    render json: Shipment.in_transit.limit(50)
  end

  def create
    order = Order.find(params[:order_id])
    render json: order.ship!(params[:carrier_id])
  end
end
