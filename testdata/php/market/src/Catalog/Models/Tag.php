<?php

namespace Acme\Market\Catalog\Models;

class Tag extends \Illuminate\Database\Eloquent\Model
{
    public $timestamps = false;
}
