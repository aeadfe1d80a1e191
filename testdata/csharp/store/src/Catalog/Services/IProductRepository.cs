using Acme.Store.Catalog.Domain;

namespace Acme.Store.Catalog.Services;

public interface IProductRepository : IRepository<Product, ProductId>
{
    Task<IReadOnlyList<Product>> InCategoryAsync(Category category);
}
