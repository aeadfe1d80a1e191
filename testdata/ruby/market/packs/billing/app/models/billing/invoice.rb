module Billing
  class Invoice < ApplicationRecord
    belongs_to :order, class_name: "Ordering::Order", foreign_key: :order_ref
    belongs_to :account, class_name: "Customer"
    has_many :payments

    def outstanding
      total_cents - payments.sum(:amount_cents)
    end

    def settle!(payment)
      transaction do
        payments << payment
        update!(paid_at: Time.current)
      end
    end
  end
end
