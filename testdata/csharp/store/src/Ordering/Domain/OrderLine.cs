using Acme.Store.Catalog.Domain;

namespace Acme.Store.Ordering.Domain;

public sealed record OrderLine(ProductId Product, int Quantity, Money UnitPrice)
{
    public Money Total() => UnitPrice.Times(Quantity);
}
