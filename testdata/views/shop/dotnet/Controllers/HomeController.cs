using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Shop.Web.Models;

namespace Shop.Web.Controllers
{
    public class HomeController : Controller
    {
        private const string Special = "About";

        public IActionResult Index()
        {
            return View();
        }

        public IActionResult About()
        {
            return View(new AboutViewModel());
        }

        public IActionResult Banner() => PartialView("_Banner");

        public IActionResult Contact() => View(Special, new AboutViewModel());

        public IActionResult Home() => View(nameof(Index));

        public IActionResult Full() => View("~/Views/Home/Index.cshtml");

        public IActionResult Error(AboutViewModel model) => View(model);

        public IActionResult Gone() => View("Missing");

        public IActionResult Pick(string name) => View(name);

        public async Task<IActionResult> Latest()
        {
            var latest = await Load();
            return View(latest);
        }

        private Task<AboutViewModel> Load() => Task.FromResult(new AboutViewModel());
    }
}
