namespace Acme.Store.Common;

public interface IRepository<T, TId> where T : Entity<TId>
{
    Task<T?> FindAsync(TId id);

    Task AddAsync(T entity);
}
