class Catalog::Category < ApplicationRecord
  has_many :products, class_name: "Catalog::Product"

  def self.roots
    where(parent_id: nil).order(:name)
  end

  def product_count
    products.count
  end
end
