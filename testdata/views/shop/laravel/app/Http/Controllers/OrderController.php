<?php

namespace App\Http\Controllers;

use Illuminate\Support\Facades\View;

class OrderController extends Controller
{
    const ROW = 'orders.row';

    public function index()
    {
        return view('orders.index', ['orders' => []]);
    }

    public function row()
    {
        return View::make(self::ROW);
    }

    public function page()
    {
        return response()->view('layouts.app', [], 200);
    }

    public function mail()
    {
        return view('mail::message');
    }

    public function gone()
    {
        return view('orders.gone');
    }

    public function dynamic($name)
    {
        return view('orders.' . $name);
    }
}
