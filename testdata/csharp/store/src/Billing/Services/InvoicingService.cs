using Acme.Store.Billing.Data;
using Acme.Store.Billing.Domain;
using Acme.Store.Ordering.Domain;
using static Acme.Store.Common.Guard;

namespace Acme.Store.Billing.Services;

public sealed class InvoicingService : IOrderListener
{
    private readonly InvoiceRepository _invoices;
    private readonly IPaymentService _payments;

    public InvoicingService(InvoiceRepository invoices, IPaymentService payments)
    {
        _invoices = NotNull(invoices, nameof(invoices));
        _payments = payments;
    }

    public async Task OnPlacedAsync(Order order)
    {
        var invoice = new Invoice(order.Id, "EUR");
        foreach (var line in order.Lines)
        {
            invoice.AddLine(line.Product.Value.ToString(), line.Total());
        }
        await _invoices.SaveAsync(invoice);
        var payment = await _payments.CaptureAsync(invoice, PaymentMethod.Card);
        if (payment.Method is PaymentMethod.Card)
        {
            order.MarkPaid();
        }
    }
}
