package org.wasmdbms.engine.data;

import java.util.Comparator;
import java.util.Iterator;

/**
 * Merges two iterators that are each sorted by one comparator into one sorted iteration. On equal
 * elements the first iterator's comes first.
 *
 * @param <T> the element type
 */
public final class MergingIterator<T> extends LookaheadIterator<T> {
  private final Iterator<T> first;
  private final Iterator<T> second;
  private final Comparator<? super T> order;
  private T headOfFirst;
  private T headOfSecond;

  /** Merges {@code first} and {@code second}, both sorted by {@code order}. */
  public MergingIterator(Iterator<T> first, Iterator<T> second, Comparator<? super T> order) {
    this.first = first;
    this.second = second;
    this.order = order;
    this.headOfFirst = first.hasNext() ? first.next() : null;
    this.headOfSecond = second.hasNext() ? second.next() : null;
  }

  @Override
  protected T computeNext() {
    if (headOfFirst == null && headOfSecond == null) {
      return null;
    }
    boolean takeFirst =
        headOfSecond == null
            || (headOfFirst != null && order.compare(headOfFirst, headOfSecond) <= 0);
    T taken;
    if (takeFirst) {
      taken = headOfFirst;
      headOfFirst = first.hasNext() ? first.next() : null;
    } else {
      taken = headOfSecond;
      headOfSecond = second.hasNext() ? second.next() : null;
    }
    return taken;
  }
}
