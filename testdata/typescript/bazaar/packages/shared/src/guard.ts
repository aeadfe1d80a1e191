export function notEmpty(value: string, what: string): string {
  if (!value) {
    throw new Error(`${what} is empty`);
  }
  return value;
}

export const positive = (n: number): number => {
  if (n <= 0) throw new RangeError('not positive');
  return n;
};
