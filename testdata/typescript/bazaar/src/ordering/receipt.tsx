export default function Receipt(props: { id: string }) {
  return <p>Thank you for order {props.id}</p>;
}
