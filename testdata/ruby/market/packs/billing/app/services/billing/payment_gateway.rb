class Billing::PaymentGateway
  include Market::Retryable

  def charge(invoice)
    with_retries { Stripe::Charge.create(amount: invoice.outstanding, currency: "eur") }
  rescue Stripe::CardError
    raise Market::PaymentDeclined
  end
end
