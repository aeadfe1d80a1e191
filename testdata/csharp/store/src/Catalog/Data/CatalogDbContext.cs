using Acme.Store.Catalog.Domain;
using Microsoft.EntityFrameworkCore;

namespace Acme.Store.Catalog.Data;

public class CatalogDbContext : DbContext
{
    public CatalogDbContext(DbContextOptions<CatalogDbContext> options) : base(options)
    {
    }

    public DbSet<Product> Products { get; set; } = null!;

    public DbSet<Review> Reviews { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>().ToTable("products", "catalog");
        modelBuilder.Entity<Product>().HasKey(p => p.Id);
    }
}
