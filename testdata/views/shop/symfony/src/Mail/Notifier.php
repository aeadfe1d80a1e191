<?php

namespace App\Mail;

use Twig\Environment;

class Notifier
{
    public function __construct(private Environment $twig)
    {
    }

    public function body(): string
    {
        return $this->twig->render('base.html.twig');
    }
}
