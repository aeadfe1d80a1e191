module Market
  class Error < StandardError; end

  class NotFound < Error; end

  PaymentDeclined = Class.new(Error)
end
