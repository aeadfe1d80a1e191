using Acme.Store.Catalog.Domain;

namespace Acme.Store.Ordering.Domain;

public class Cart
{
    private readonly Dictionary<ProductId, List<OrderLine>> _lines = new();

    public void Put(OrderLine line)
    {
        if (!_lines.TryGetValue(line.Product, out var list))
        {
            list = new List<OrderLine>();
            _lines[line.Product] = list;
        }
        list.Add(line);
    }

    public Order ToOrder(string customer)
    {
        var order = new Order(new OrderId(Guid.NewGuid()), customer);
        foreach (var line in _lines.Values.SelectMany(l => l))
        {
            order.Add(line.Product, line.Quantity, line.UnitPrice);
        }
        return order;
    }
}
