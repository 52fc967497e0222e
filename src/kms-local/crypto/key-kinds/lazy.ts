/**
 * A value computed on first use and kept. Key material is loaded for every key at start, but
 * some of what a key needs is costly to derive (an SM2 public point's precomputed multiples
 * take ~70 ms of event-loop time) and most keys are never used in a given run.
 */
export function lazy<T>(compute: () => T): () => T {
  let computed: { value: T } | undefined;
  return () => {
    computed ??= { value: compute() };
    return computed.value;
  };
}
