@extends('layouts.app')

@section('content')
  @include('orders.row', ['order' => $order])
  <x-alert type="error" />
  <x-button>Save</x-button>
  <x-slot name="title">T</x-slot>
  @include('mail::message')
  @include($dynamic)
@endsection
