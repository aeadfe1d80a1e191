using Acme.Store.Ordering.Domain;
using Acme.Store.Ordering.Services;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Acme.Store.Ordering.Data;

public class OrderRepository : IOrderRepository
{
    private const string LinesByOrder = "SELECT ProductId, Quantity FROM dbo.OrderLine " +
        "WHERE OrderId = @Id";

    private readonly string _connectionString;

    public OrderRepository(string connectionString) => _connectionString = connectionString;

    public async Task<Order?> FindAsync(OrderId id)
    {
        await using var connection = new SqlConnection(_connectionString);
        var orders = await connection.QueryAsync<Order>(
            "[dbo].[Order_ReadById]",
            new { Id = id.Value },
            commandType: CommandType.StoredProcedure);
        var lines = await connection.QueryAsync<OrderLine>(LinesByOrder, new { Id = id.Value });
        return orders.SingleOrDefault();
    }

    public async Task AddAsync(Order entity)
    {
        using var connection = new SqlConnection(_connectionString);
        await connection.ExecuteAsync("dbo.Order_Create", new { entity.Customer }, commandType: CommandType.StoredProcedure);
    }

    public async Task<IEnumerable<Order>> ByCustomerAsync(string customer)
    {
        using var connection = new SqlConnection(_connectionString);
        return await connection.QueryAsync<Order>(
            @"SELECT o.Id, o.Customer
              FROM dbo.[Order] o
              WHERE o.Customer = @customer", new { customer });
    }
}
