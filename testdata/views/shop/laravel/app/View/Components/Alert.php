<?php

namespace App\View\Components;

class Alert
{
    public function render()
    {
        return 'components.alert';
    }
}
