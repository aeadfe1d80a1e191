using Acme.Store.Catalog.Domain;

namespace Acme.Store.Catalog.Services;

public interface ICatalogService
{
    Task<Money> PriceOfAsync(ProductId id, int quantity);

    Task<bool> IsAvailableAsync(ProductId id);
}

public class CatalogService : ICatalogService
{
    private readonly IProductRepository _products;

    public CatalogService(IProductRepository products) => _products = products;

    public async Task<Money> PriceOfAsync(ProductId id, int quantity)
    {
        var product = await _products.FindAsync(id) ?? throw new DomainException("unknown product");
        return product.PriceFor(quantity);
    }

    public async Task<bool> IsAvailableAsync(ProductId id)
    {
        var product = await _products.FindAsync(id);
        return product is not null && product.IsAvailable();
    }

    public async Task<int> RenameAllAsync(Category category, string prefix)
    {
        var list = await _products.InCategoryAsync(category);
        foreach (var p in list.Where(x => x.IsAvailable()))
        {
            p.Rename(prefix + p.Name);
        }
        return list.Count(x => !x.IsAvailable());
    }

    public Money Catalogue(IEnumerable<Product> products, string currency) =>
        products.Select(p => p.Price).Sum(currency);
}
