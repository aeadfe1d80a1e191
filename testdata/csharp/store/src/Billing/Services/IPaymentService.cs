using Acme.Store.Billing.Domain;

namespace Acme.Store.Billing.Services;

public interface IPaymentService
{
    Task<Payment> CaptureAsync(Invoice invoice, PaymentMethod method);
}
