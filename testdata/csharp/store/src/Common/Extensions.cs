namespace Acme.Store.Common;

public static class StringExtensions
{
    public static string Slugify(this string text) => text.Trim().ToLowerInvariant().Replace(' ', '-');
}

public static class MoneyExtensions
{
    public static Money Sum(this IEnumerable<Money> amounts, string currency)
    {
        var total = Money.Zero(currency);
        foreach (var amount in amounts)
        {
            total = total.Add(amount);
        }
        return total;
    }
}
