namespace Acme.Store.Billing.Data;

public static class BillingQueries
{
    public const string Schema = "billing";

    public const string OpenInvoices = "SELECT Id, Currency FROM " + Schema + ".Invoice WHERE Paid = 0";
}
