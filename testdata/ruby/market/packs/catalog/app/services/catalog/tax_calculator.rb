module Catalog
  class TaxCalculator
    RATE = 0.2

    def initialize(currency)
      @currency = currency
    end

    def gross(money)
      Market::Money.new((money.cents * (1 + RATE)).round, @currency)
    end
  end
end
