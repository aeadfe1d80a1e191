namespace Acme.Store.Ordering.Domain;

public delegate void OrderPlacedHandler(Order order);

public interface IOrderListener
{
    Task OnPlacedAsync(Order order);
}
