module Ordering
  class LineItem < ApplicationRecord
    belongs_to :order
    belongs_to :product, class_name: "Catalog::Product"

    validates :quantity, numericality: { greater_than: 0 }

    def subtotal
      Market::Money.new(product.price.cents * quantity)
    end
  end
end
