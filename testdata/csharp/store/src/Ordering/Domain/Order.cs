using Acme.Store.Catalog.Domain;

namespace Acme.Store.Ordering.Domain
{
    [Audited]
    public class Order : Entity<OrderId>
    {
        private readonly List<OrderLine> _lines = new();

        public Order(OrderId id, string customer)
        {
            Id = id;
            Customer = customer;
            State = Status.Open;
        }

        public enum Status
        {
            Open,
            Placed,
            Paid,
        }

        public string Customer { get; }

        public Status State { get; private set; }

        public IReadOnlyList<OrderLine> Lines => _lines;

        public void Add(ProductId product, int quantity, Money unitPrice) =>
            _lines.Add(new OrderLine(product, quantity, unitPrice));

        public Money Total(string currency) => _lines.Select(l => l.Total()).Sum(currency);

        public void Place()
        {
            if (_lines.Count == 0)
            {
                throw new DomainException("empty order");
            }
            State = Status.Placed;
        }

        public void MarkPaid() => State = Status.Paid;
    }
}
