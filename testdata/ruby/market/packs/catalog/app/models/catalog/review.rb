module Catalog
  class Review < ApplicationRecord
    belongs_to :product
    belongs_to :author, class_name: "Ordering::Customer"

    after_create :refresh_rating

    private

    def refresh_rating
      product.update(rating: product.reviews.average(:stars))
    end
  end
end
