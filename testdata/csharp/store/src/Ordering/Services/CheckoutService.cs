using Acme.Store.Catalog.Domain;
using Acme.Store.Ordering.Domain;
using Catalog = Acme.Store.Catalog.Services;

namespace Acme.Store.Ordering.Services;

public class CheckoutService
{
    private readonly Catalog.ICatalogService _catalog;
    private readonly IOrderRepository _orders;
    private readonly IEnumerable<IOrderListener> _listeners;

    public event OrderPlacedHandler? Placed;

    public CheckoutService(Catalog.ICatalogService catalog, IOrderRepository orders, IEnumerable<IOrderListener> listeners)
    {
        _catalog = catalog;
        _orders = orders;
        _listeners = listeners;
    }

    public async Task<Order> CheckoutAsync(Cart cart, string customer)
    {
        var order = cart.ToOrder(customer);
        foreach (var line in order.Lines)
        {
            if (!await _catalog.IsAvailableAsync(line.Product))
            {
                throw new DomainException("sold out");
            }
        }
        order.Place();
        await _orders.AddAsync(order);
        foreach (var listener in _listeners)
        {
            await listener.OnPlacedAsync(order);
        }
        Placed?.Invoke(order);
        return order;
    }

    public async Task<Money> QuoteAsync(ProductId product, int quantity)
    {
        try
        {
            return await _catalog.PriceOfAsync(product, quantity);
        }
        catch (DomainException ex) when (ex.Message.Length > 0)
        {
            return Money.Zero("EUR");
        }
    }

    public static string Describe(object value) => value switch
    {
        Order { State: Order.Status.Paid } paid => "paid " + paid.Customer,
        Order o => "order " + o.Customer,
        OrderLine line when line.Quantity > 1 => "lines",
        _ => typeof(Cart).Name,
    };
}
