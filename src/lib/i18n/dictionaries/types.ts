/** One area's messages in another language: exactly the keys of its English original. */
export type Messages<English> = Readonly<Record<keyof English, string>>;
