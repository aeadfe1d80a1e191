namespace Acme.Store.Common;

public abstract class Entity<TId>
{
    public TId Id { get; protected set; } = default!;

    public DateTime CreatedAt { get; } = DateTime.UtcNow;
}
