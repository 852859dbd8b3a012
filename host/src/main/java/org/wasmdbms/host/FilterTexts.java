package org.wasmdbms.host;

import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;

/**
 * The JSON text of the filters a host sends, printed once per {@link Filter} object: a caller that
 * keeps its filters (a prepared lookup, a filter reused in a loop) pays for printing only on the
 * first call. It remembers the last {@link #CAPACITY} filters by identity, not by equality, so a
 * hit costs a few reference comparisons and never a walk of the filter; the oldest entry makes room
 * for a new one. The filters it remembers stay reachable until they are replaced.
 *
 * <p>Thread-safe: one per host, shared by its clients and transactions.
 */
final class FilterTexts {
  /** How many filters are remembered. */
  static final int CAPACITY = 32;

  private final Filter[] filters = new Filter[CAPACITY];
  private final String[] texts = new String[CAPACITY];
  private int next;
  private long printed;

  /** The wire form of {@code filter}, printed now unless this object was printed recently. */
  synchronized String text(Filter filter) {
    for (int i = 0; i < CAPACITY; i++) {
      if (filters[i] == filter) {
        return texts[i];
      }
    }
    String text = WireFormat.printFilter(filter);
    printed++;
    filters[next] = filter;
    texts[next] = text;
    next = (next + 1) % CAPACITY;
    return text;
  }

  /** How many times a filter was printed, for tests. */
  synchronized long printed() {
    return printed;
  }
}
