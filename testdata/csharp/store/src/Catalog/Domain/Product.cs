using System.ComponentModel.DataAnnotations;

namespace Acme.Store.Catalog.Domain;

[Audited(Reason = "prices")]
public partial class Product : Entity<ProductId>
{
    private readonly List<IPriceRule> _rules = new();

    public Product(ProductId id, string name, Money price, Category category)
    {
        Id = id;
        Name = name;
        Price = price;
        Category = category;
    }

    [Required]
    public string Name { get; private set; }

    public Money Price { get; private set; }

    public Category Category { get; }

    public int Stock { get; private set; }

    public bool IsAvailable() => Stock > 0;

    public void Rename(string name) => Name = name.Slugify();

    public void Restock(int quantity) => Stock += Guard.Positive(quantity, nameof(quantity));
}
