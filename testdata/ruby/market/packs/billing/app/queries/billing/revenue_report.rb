module Billing
  class RevenueReport
    def monthly
      ApplicationRecord.connection.select_all(Queries::MONTHLY_REVENUE).to_a
    end

    def from_view
      RevenueEntry.order(:month).to_a
    end

    def unpaid_orders
      Ordering::Order.where("id NOT IN (SELECT order_ref FROM billing_invoices WHERE paid_at IS NOT NULL)")
    end
  end
end
