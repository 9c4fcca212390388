// Building an Intl.DateTimeFormat costs far more than using one (a list of 200 rows once froze the
// gadget for 40 s building one per row). Tests count constructions: a correctness bound, not a timing.

/** Counts Intl.DateTimeFormat constructions while fn runs. */
export async function countFormatters(fn: () => Promise<void>): Promise<number> {
  const Real = Intl.DateTimeFormat;
  let made = 0;
  (Intl as { DateTimeFormat: unknown }).DateTimeFormat = new Proxy(Real, { construct: (T, args) => (made++, Reflect.construct(T, args)) });
  try {
    await fn();
  } finally {
    (Intl as { DateTimeFormat: unknown }).DateTimeFormat = Real;
  }
  return made;
}
