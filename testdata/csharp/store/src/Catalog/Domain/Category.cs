namespace Acme.Store.Catalog.Domain;

public enum Category
{
    Books,
    Music,
    Games,
}
