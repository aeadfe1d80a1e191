namespace Acme.Store.Billing.Domain;

public record Payment(Guid InvoiceId, Money Amount, PaymentMethod Method);

public enum PaymentMethod
{
    Card,
    Transfer,
}
