package org.wasmdbms.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads of a concurrency test: each runs its body in a loop until {@link #stop()}. The first
 * failure of any thread stops them all and is rethrown by {@link #stop()}, with the others
 * suppressed.
 */
final class Workers {
  /** One turn of a worker's loop, with the worker's own random source. */
  interface Body {
    void turn(int worker, Random random) throws Exception;
  }

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final List<Throwable> others = new ArrayList<>();
  private volatile boolean running = true;

  private Workers() {}

  /**
   * Starts {@code count} threads running {@code body} with worker numbers 0 to count - 1; worker
   * {@code w}'s random source is seeded with {@code seed + w}.
   */
  static Workers start(int count, long seed, Body body) {
    Workers workers = new Workers();
    for (int i = 0; i < count; i++) {
      int worker = i;
      Thread thread =
          new Thread(
              () -> {
                Random random = new Random(seed + worker);
                try {
                  while (workers.running) {
                    body.turn(worker, random);
                  }
                } catch (Throwable t) {
                  workers.fail(t);
                }
              },
              "worker-" + worker);
      workers.threads.add(thread);
    }
    workers.threads.forEach(Thread::start);
    return workers;
  }

  private void fail(Throwable t) {
    if (!failure.compareAndSet(null, t)) {
      synchronized (others) {
        others.add(t);
      }
    }
    running = false;
  }

  /** The threads, by worker number. */
  List<Thread> threads() {
    return threads;
  }

  /** Whether no worker failed so far. */
  boolean healthy() {
    return failure.get() == null;
  }

  /** Lets the workers run for {@code millis} (less if one fails), then stops them. */
  void runFor(long millis) throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (healthy() && System.currentTimeMillis() < end) {
      Thread.sleep(20);
    }
    stop();
  }

  /** Stops the workers after their current turn and rethrows the first failure. */
  void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(1));
      assertFalse(thread.isAlive(), thread.getName() + " did not stop");
    }
    Throwable first = failure.get();
    if (first != null) {
      others.forEach(first::addSuppressed);
      throw new AssertionError("a worker failed: " + first, first);
    }
  }
}
