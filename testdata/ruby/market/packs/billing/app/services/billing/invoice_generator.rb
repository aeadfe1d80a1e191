module Billing
  class InvoiceGenerator
    prepend Market::Instrumented

    def initialize(order)
      @order = order
    end

    def call
      account = Customer.find_or_create_by!(email: @order.customer.email)
      Invoice.create!(order: @order, account: account, total_cents: @order.total.cents)
    end
  end
end
