<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Response;

class BlogController extends AbstractController
{
    private const POST = 'blog/_post.html.twig';

    public function index(): Response
    {
        return $this->render('blog/index.html.twig', ['posts' => []]);
    }

    public function post(): Response
    {
        return new Response($this->renderView(self::POST));
    }

    public function error(): Response
    {
        return $this->render('@Twig/Exception/error.html.twig');
    }

    public function gone(): Response
    {
        return $this->render('blog/gone.html.twig');
    }
}
