using Acme.Store.Ordering.Domain;

namespace Acme.Store.Ordering.Services;

public interface IOrderRepository : IRepository<Order, OrderId>
{
    Task<IEnumerable<Order>> ByCustomerAsync(string customer);
}
