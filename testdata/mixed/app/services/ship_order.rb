class ShipOrder
  def initialize(order_id)
    @order = Order.find(order_id)
  end

  def call(carrier_id)
    Shipment.start(@order, carrier_id)
    @order.update!(status: "shipped")
  end
end
