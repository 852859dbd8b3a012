package org.wasmdbms.build;

import java.util.concurrent.locks.ReentrantLock;

/** Schema-like code TeaVM 0.13.1 cannot compile: its class library has no ReentrantLock. */
public final class LockingSchemaCode {
  private LockingSchemaCode() {}

  /** The entry point TeaVmProblemsTest compiles. */
  public static void main(String[] args) {
    ReentrantLock lock = new ReentrantLock();
    lock.lock();
    try {
      System.out.println(args.length);
    } finally {
      lock.unlock();
    }
  }
}
