<?php

namespace Acme\Market\Catalog\Http;

use Acme\Market\Catalog\Models\Product;
use Acme\Market\Catalog\Services\CatalogService as Catalog;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;

final class ProductController
{
    public function __construct(private readonly Catalog $catalog)
    {
    }

    public function index(Request $request): JsonResponse
    {
        $products = Product::query()->latest()->paginate(20);
        return new JsonResponse($products);
    }

    public function show(int $id): JsonResponse
    {
        $price = $this->catalog->price($id);
        return new JsonResponse(['price' => $price->jsonSerialize()]);
    }

    public function store(Request $request): JsonResponse
    {
        try {
            $event = $this->catalog->create($request->input('name'), (int) $request->input('cents'));
        } catch (\InvalidArgumentException|\TypeError $e) {
            return new JsonResponse(['error' => $e->getMessage()], 422);
        }
        return new JsonResponse(['id' => $event->product->id], 201);
    }
}
