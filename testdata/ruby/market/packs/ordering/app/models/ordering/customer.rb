module Ordering
  class Customer < ApplicationRecord
    has_many :orders
    has_many :reviews, class_name: "Catalog::Review", foreign_key: :author_id

    def self.find_or_register(email)
      find_or_create_by!(email: email.downcase)
    end

    def lifetime_value
      orders.where(status: Order::STATUSES.second).sum(:total_cents)
    end
  end
end
