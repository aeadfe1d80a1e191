using Acme.Store.Catalog.Domain;
using Acme.Store.Catalog.Services;
using Microsoft.EntityFrameworkCore;

namespace Acme.Store.Catalog.Data;

public class ProductRepository : IProductRepository
{
    private readonly CatalogDbContext _db;

    public ProductRepository(CatalogDbContext db) => _db = db;

    public async Task<Product?> FindAsync(ProductId id) =>
        await _db.Products.FirstOrDefaultAsync(p => p.Id == id);

    public async Task AddAsync(Product entity)
    {
        _db.Products.Add(entity);
        await _db.SaveChangesAsync();
    }

    public async Task<IReadOnlyList<Product>> InCategoryAsync(Category category)
    {
        var query = from p in _db.Products
                    where p.Category == category
                    orderby p.Name
                    select p;
        return await query.ToListAsync();
    }
}
