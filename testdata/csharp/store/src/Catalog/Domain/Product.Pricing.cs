namespace Acme.Store.Catalog.Domain;

public partial class Product
{
    public void AddRule(IPriceRule rule) => _rules.Add(rule);

    public Money PriceFor(int quantity)
    {
        var price = Price.Times(quantity);
        foreach (IPriceRule rule in _rules)
        {
            price = rule.Apply(price, quantity);
        }
        return price;
    }
}
