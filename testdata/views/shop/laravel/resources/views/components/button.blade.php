<button>{{ $slot }}</button>
