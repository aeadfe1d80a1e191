<?php

namespace Acme\Market\Catalog\Models;

use Illuminate\Database\Eloquent\Model as Eloquent;

class Review extends Eloquent
{
    public function product()
    {
        return $this->belongsTo(Product::class);
    }
}
