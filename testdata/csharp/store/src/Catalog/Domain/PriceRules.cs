namespace Acme.Store.Catalog.Domain;

public interface IPriceRule
{
    Money Apply(Money price, int quantity);
}

public sealed class VolumeDiscount : IPriceRule
{
    private readonly int _threshold;

    public VolumeDiscount(int threshold) => _threshold = threshold;

    public Money Apply(Money price, int quantity) =>
        quantity >= _threshold ? new Money(price.Amount * 0.9m, price.Currency) : price;
}
