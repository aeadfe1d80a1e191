<?php

namespace Acme\Market\Catalog\Models;

use Acme\Market\Common\{Money, Attribute\Audited};
use Illuminate\Database\Eloquent\Model;
use Illuminate\Database\Eloquent\Relations\BelongsTo;
use Illuminate\Database\Eloquent\Relations\HasMany;
use Illuminate\Database\Eloquent\Relations\BelongsToMany;

#[Audited('prices')]
class Product extends Model
{
    protected $table = 'catalog_products';

    protected $fillable = ['name', 'slug', 'price_cents', 'category_id'];

    public function category(): BelongsTo
    {
        return $this->belongsTo(Category::class);
    }

    public function reviews(): HasMany
    {
        return $this->hasMany(Review::class);
    }

    public function tags(): BelongsToMany
    {
        return $this->belongsToMany(Tag::class);
    }

    public function price(): Money
    {
        return new Money($this->price_cents);
    }
}
