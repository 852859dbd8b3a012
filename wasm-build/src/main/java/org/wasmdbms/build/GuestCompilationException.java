package org.wasmdbms.build;

/**
 * TeaVM cannot compile a guest: the message names each class and method at fault, where in its
 * source file, what TeaVM lacks, and what to change; no TeaVM stack trace.
 */
public final class GuestCompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with {@code message} as its whole report. */
  public GuestCompilationException(String message) {
    super(message);
  }
}
