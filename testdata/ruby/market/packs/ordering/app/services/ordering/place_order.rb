module Ordering
  class PlaceOrder
    Result = Struct.new(:order, :errors)

    def initialize(customer, gateway: Billing::PaymentGateway.new)
      @customer = customer
      @gateway = gateway
    end

    def call(cart)
      order = Order.new(customer: @customer)
      cart.each do |product_id, quantity|
        product = Catalog::Product.available.find(product_id)
        order.line_items.build(product: product, quantity: quantity)
      end
      order.save!
      Result.new(order, [])
    rescue ActiveRecord::RecordInvalid => e
      Result.new(order, e.record.errors.full_messages)
    end
  end
end
