module Catalog
  class PriceList
    def initialize(currency = "EUR")
      @currency = currency
      @calculator = TaxCalculator.new(currency)
    end

    def total_for(products)
      products.map { |p| @calculator.gross(p.price) }.reduce(Market::Money.zero(@currency), :+)
    end

    def bestsellers
      Product.best_sellers.first(5)
    end
  end
end
