namespace Shop.Web.Models
{
    public class HomeViewModel
    {
        public string Title { get; set; }
    }

    public class AboutViewModel
    {
    }

    public interface ICatalogService
    {
    }

    public class ShopPage
    {
    }
}
