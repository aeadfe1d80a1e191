using Acme.Store.Billing.Domain;
using Microsoft.Data.SqlClient;

namespace Acme.Store.Billing.Services;

public class PaymentService : IPaymentService
{
    private readonly string _connectionString;

    public PaymentService(string connectionString) => _connectionString = connectionString;

    public async Task<Payment> CaptureAsync(Invoice invoice, PaymentMethod method)
    {
        var payment = new Payment(invoice.Id, invoice.Total(), method);
        using var connection = new SqlConnection(_connectionString);
        using var command = new SqlCommand("[dbo].[Payment_Capture]", connection)
        {
            CommandType = CommandType.StoredProcedure,
        };
        command.Parameters.AddWithValue("@InvoiceId", invoice.Id);
        await connection.OpenAsync();
        await command.ExecuteNonQueryAsync();
        invoice.Settle(payment);
        return payment;
    }

    public async Task RefundAsync(Guid invoiceId)
    {
        using var connection = new SqlConnection(_connectionString);
        var command = connection.CreateCommand();
        command.CommandText = "dbo.Payment_Refund";
        command.CommandType = CommandType.StoredProcedure;
        await command.ExecuteNonQueryAsync();
    }
}
