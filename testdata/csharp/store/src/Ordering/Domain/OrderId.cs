namespace Acme.Store.Ordering.Domain
{
    public readonly record struct OrderId(Guid Value);
}
