using Acme.Store.Ordering.Domain;

namespace Acme.Store.Billing.Domain;

[Audited]
public partial class Invoice : Entity<Guid>
{
    public Invoice(OrderId order, string currency)
    {
        Id = Guid.NewGuid();
        Order = order;
        Currency = currency;
    }

    public OrderId Order { get; }

    public string Currency { get; }

    public bool Paid { get; private set; }

    public void Settle(Payment payment)
    {
        if (payment.Amount != Total())
        {
            throw new DomainException("partial payment");
        }
        Paid = true;
    }
}
