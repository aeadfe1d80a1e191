module Market
  module Retryable
    def with_retries(attempts = 3)
      yield
    rescue Timeout::Error
      attempts -= 1
      retry if attempts.positive?
      raise
    end
  end
end
