module Ordering
  class Order < ApplicationRecord
    self.table_name = "orders"

    include Auditable

    belongs_to :customer
    has_many :line_items, dependent: :destroy
    has_many :products, through: :line_items, class_name: "Catalog::Product"
    has_one :invoice, class_name: "Billing::Invoice", foreign_key: :order_ref

    before_validation :assign_number, on: :create
    after_commit :notify_billing, on: :create

    STATUSES = %w[pending paid shipped].freeze

    def total
      line_items.sum(&:subtotal)
    end

    def pay!
      update!(status: "paid")
    end

    private

    def assign_number
      self.number ||= NumberSequence.next("order")
    end

    def notify_billing
      Billing::InvoiceGenerator.new(self).call
    end
  end
end
