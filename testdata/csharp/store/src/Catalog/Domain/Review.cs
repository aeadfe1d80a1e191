using System.ComponentModel.DataAnnotations.Schema;

namespace Acme.Store.Catalog.Domain;

[Table("product_reviews", Schema = "catalog")]
public class Review
{
    public int Id { get; set; }

    public ProductId Product { get; set; }

    public int Stars { get; set; }
}
