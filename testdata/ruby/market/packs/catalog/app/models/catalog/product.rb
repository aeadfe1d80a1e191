module Catalog
  class Product < ApplicationRecord
    include Auditable

    belongs_to :category
    has_many :reviews, dependent: :destroy
    has_and_belongs_to_many :tags

    validates :name, presence: true
    before_save :normalize_name

    scope :available, -> { where(active: true) }

    def price
      Market::Money.new(price_cents, currency)
    end

    def self.search(term)
      where("name ILIKE ?", "%#{term}%").available
    end

    def self.best_sellers
      find_by_sql(<<~SQL)
        SELECT p.* FROM catalog_products p
        JOIN ordering_line_items li ON li.product_id = p.id
        GROUP BY p.id
        ORDER BY SUM(li.quantity) DESC
      SQL
    end

    private

    def normalize_name
      self.name = name.strip
    end
  end
end
