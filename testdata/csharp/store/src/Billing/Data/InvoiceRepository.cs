using Acme.Store.Billing.Domain;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Acme.Store.Billing.Data;

public class InvoiceRepository
{
    private readonly Func<SqlConnection> _connect;

    public InvoiceRepository(Func<SqlConnection> connect) => _connect = connect;

    public async Task SaveAsync(Invoice invoice)
    {
        using var connection = _connect();
        await connection.ExecuteAsync(
            sql: "INSERT INTO billing.Invoice (Id, OrderId, Currency) VALUES (@Id, @Order, @Currency)",
            param: new { invoice.Id, Order = invoice.Order.Value, invoice.Currency });
    }

    public async Task<IEnumerable<Guid>> OpenAsync()
    {
        using var connection = _connect();
        return await connection.QueryAsync<Guid>(BillingQueries.OpenInvoices);
    }
}
