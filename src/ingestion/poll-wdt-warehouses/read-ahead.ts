/**
 * Yields what `source` yields, asking it for the next item as soon as the current one is handed
 * out: the next WDT page is on its way while the hub records this one, so a pull costs the larger
 * of the two times per page rather than their sum. At most one item is read ahead. An error of the
 * read-ahead surfaces only after the consumer has finished with the item before it, so a page that
 * arrived is always recorded before a later page's failure ends the pull.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let finished = false;
  try {
    for (;;) {
      const current = await next;
      if (current.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      // Handled when awaited; until then the consumer is busy and a rejection must not count as unhandled.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    // The consumer stopped early (an error while recording, an abort): the source is closed once the
    // call in flight settles, and nothing waits for that call.
    if (!finished) iterator.return?.()?.catch(() => undefined);
  }
}
