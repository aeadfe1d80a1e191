<tr><td>{{ $order->id }}</td></tr>
