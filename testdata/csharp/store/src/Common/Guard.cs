namespace Acme.Store.Common;

public static class Guard
{
    public static T NotNull<T>(T? value, string name) where T : class
    {
        return value ?? throw new DomainException(name + " is required");
    }

    public static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new DomainException(name + " must be positive");
        }
        return value;
    }
}
