class Shipment < ApplicationRecord
  belongs_to :order

  scope :in_transit, -> { where(delivered_at: nil) }

  def self.start(order, carrier_id)
    create!(order: order, carrier_id: carrier_id, shipped_at: Time.current)
  end
end
