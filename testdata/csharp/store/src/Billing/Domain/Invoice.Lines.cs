namespace Acme.Store.Billing.Domain;

public partial class Invoice
{
    private readonly List<Line> _lines = new();

    public sealed class Line
    {
        public Line(string text, Money amount)
        {
            Text = text;
            Amount = amount;
        }

        public string Text { get; }

        public Money Amount { get; }
    }

    public void AddLine(string text, Money amount) => _lines.Add(new Line(text, amount));

    public Money Total() => _lines.Select(l => l.Amount).Sum(Currency);
}
