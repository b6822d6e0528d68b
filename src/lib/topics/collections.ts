/** Small helpers for maps of lists. */

/** Appends values to the list under `key`, creating it if needed (no copying: linear overall). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [...values]);
  else list.push(...values);
}
