package org.wasmdbms.engine.data;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that computes each element one step ahead, so that {@link #hasNext()} is a plain
 * check. Subclasses implement {@link #computeNext()} and return null at the end (elements are never
 * null).
 *
 * @param <T> the element type
 */
public abstract class LookaheadIterator<T> implements Iterator<T> {
  private T next;
  private boolean started;

  /** The next element, or null when there is none. */
  protected abstract T computeNext();

  @Override
  public final boolean hasNext() {
    if (!started) {
      started = true;
      next = computeNext();
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T result = next;
    next = computeNext();
    return result;
  }
}
