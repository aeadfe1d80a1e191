using Acme.Store.Ordering.Domain;
using Acme.Store.Ordering.Services;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Store.Ordering.Web;

[ApiController]
[Route("orders")]
public class OrdersController : ControllerBase
{
    private readonly CheckoutService _checkout;
    private readonly IOrderRepository _orders;

    public OrdersController(CheckoutService checkout, IOrderRepository orders)
    {
        _checkout = checkout;
        _orders = orders;
    }

    [HttpGet("{customer}")]
    public async Task<IActionResult> ByCustomer(string customer)
    {
        var orders = await _orders.ByCustomerAsync(customer);
        var open = from o in orders
                   where o.State == Order.Status.Open
                   select o.Customer;
        return Ok(open.ToList());
    }

    [HttpPost]
    public async Task<IActionResult> Checkout([FromBody] Cart cart)
    {
        var order = await _checkout.CheckoutAsync(cart, User.Identity?.Name ?? "anonymous");
        return Ok(CheckoutService.Describe(order));
    }
}
