module Market
  # An amount of money in cents.
  class Money
    include Comparable

    attr_reader :cents, :currency

    def self.zero(currency = "EUR")
      new(0, currency)
    end

    def initialize(cents, currency = "EUR")
      @cents = cents
      @currency = currency
    end

    def +(other)
      Money.new(cents + other.cents, currency)
    end

    def <=>(other)
      cents <=> other.cents
    end

    def to_s
      format("%.2f %s", cents / 100.0, currency)
    end
  end
end
