namespace Acme.Store.Common;

public class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
    }
}
