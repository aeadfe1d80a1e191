# A row of the billing_revenue view (db/views.sql).
class Billing::RevenueEntry < ApplicationRecord
  self.table_name = "billing_revenue"

  def readonly?
    true
  end
end
