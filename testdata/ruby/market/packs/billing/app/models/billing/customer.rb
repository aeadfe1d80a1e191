module Billing
  # The billing account of a customer of the shop.
  class Customer < ApplicationRecord
    has_many :invoices, foreign_key: :account_id
  end
end
