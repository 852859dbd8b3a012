package org.wasmdbms.host.abi;

/**
 * The guest broke the canonical ABI: a result pointer or length outside its memory, a misaligned
 * pointer, a discriminant out of range, invalid UTF-8, a failed allocation, or text that is not in
 * the form its WIT case promises. The canonical ABI makes each of these a trap, so the host treats
 * the instance exactly like a trapped one; this exception never leaves the host library.
 */
public final class GuestFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A fault described by {@code message}. */
  public GuestFault(String message) {
    super(message);
  }

  /** A fault described by {@code message}, caused by {@code cause}. */
  public GuestFault(String message, Throwable cause) {
    super(message, cause);
  }
}
