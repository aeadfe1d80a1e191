<?php

namespace Acme\Market\Catalog\Services;

use Acme\Market\Catalog\Models\{Category, Product};
use Acme\Market\Catalog\ProductCreated;
use Acme\Market\Common\Clock;
use Acme\Market\Common\Money;
use Illuminate\Support\Collection;
use Illuminate\Support\Facades\DB;
use function Acme\Market\Common\slugify;

class CatalogService
{
    public function __construct(private Clock $clock, private ?PriceRules $rules = null)
    {
    }

    public function byCategory(string $slug): Collection
    {
        $category = Category::where('slug', $slug)->firstOrFail();
        return Product::where('category_id', $category->id)->orderBy('name')->get();
    }

    public function price(int $productId): Money
    {
        $product = Product::findOrFail($productId);
        $price = $product->price();
        return $this->rules?->apply($price) ?? $price;
    }

    public function create(string $name, int $cents): ProductCreated
    {
        $product = Product::create(['name' => $name, 'slug' => slugify($name), 'price_cents' => $cents]);
        return new ProductCreated($product, $this->clock->now());
    }

    public function rename(Product $product, string $name): void
    {
        $product->name = $name;
        $product->save();
    }

    public function reserve(int $productId, int $qty): bool
    {
        $left = DB::table('catalog_stock')->where('product_id', $productId)->value('qty');
        if ($left < $qty) {
            return false;
        }
        DB::table('catalog_stock')->where('product_id', $productId)->decrement('qty', $qty);
        return true;
    }

    public function discontinue(int $categoryId): int
    {
        return Product::where('category_id', $categoryId)->delete();
    }
}
