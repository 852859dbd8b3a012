package org.wasmdbms.engine.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The inverse of every data change made so far in one atomic unit (one statement, or one commit),
 * so that a failure part-way leaves the data as it was. Not thread-safe.
 */
public final class UndoLog {
  private final List<Runnable> inverses = new ArrayList<>();

  /** Records how to undo the change that was just made. */
  public void add(Runnable inverse) {
    inverses.add(inverse);
  }

  /** Undoes every recorded change, newest first, and forgets them. */
  public void rollback() {
    for (int i = inverses.size() - 1; i >= 0; i--) {
      inverses.get(i).run();
    }
    inverses.clear();
  }

  /** Forgets the recorded changes: they are final. */
  public void clear() {
    inverses.clear();
  }
}
