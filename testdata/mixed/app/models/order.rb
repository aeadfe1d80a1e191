class Order < ApplicationRecord
  has_many :shipments

  def ship!(carrier_id)
    ShipOrder.new(id).call(carrier_id)
  end
end
