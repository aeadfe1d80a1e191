module Ordering
  class ExpireCartsJob < ApplicationJob
    queue_as :low

    def perform
      Order.where(status: "pending").where("created_at < ?", 2.days.ago).delete_all
    end
  end
end
