module Billing
  # Payments share one table; the type column says which kind each is.
  class Payment < ApplicationRecord
    extend Market::Retryable

    belongs_to :invoice

    def self.capture_all
      with_retries { where(captured_at: nil).find_each(&:capture!) }
    end

    def capture!
      update!(captured_at: Time.current)
    end
  end

  class CardPayment < Payment
    def capture!
      PaymentGateway.new.charge(invoice)
      super
    end
  end
end
