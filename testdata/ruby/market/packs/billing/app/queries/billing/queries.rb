module Billing
  module Queries
    MONTHLY_REVENUE = <<~SQL.freeze
      SELECT date_trunc('month', paid_at) AS month, SUM(total_cents) AS cents
      FROM billing_invoices
      WHERE paid_at IS NOT NULL
      GROUP BY 1
    SQL
  end
end
