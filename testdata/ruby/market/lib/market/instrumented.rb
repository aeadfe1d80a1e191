module Market
  # Prepended to a service object: times its call.
  module Instrumented
    def call(*args)
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      super
    ensure
      Rails.logger.info("#{self.class.name} took #{Process.clock_gettime(Process::CLOCK_MONOTONIC) - started}s")
    end
  end
end
