package org.wasmdbms.wit;

import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.error.DbmsException;

/**
 * Linear memory as {@link Lift} reads it: the guest's own memory for arguments (which it frees as
 * it reads them), or a guest's memory seen by the host for results.
 *
 * <p>The two sides answer bad data differently, and this is where: the guest records the first
 * problem and keeps walking, so that every argument buffer is still freed, and reports it when the
 * call's arguments are read; the host throws at once, because a guest that breaks the canonical ABI
 * is treated like one that trapped. Addresses given to the scalar reads lie in a block that {@link
 * #list} or the caller has checked. Implementations hold one call's state: not thread-safe.
 */
public abstract class AbiReader {
  /** The {@code u8} at {@code at}. */
  public abstract int u8(int at);

  /** The {@code u16} at {@code at}. */
  public abstract int u16(int at);

  /** The {@code i32} at {@code at}. */
  public abstract int i32(int at);

  /** The {@code i64} at {@code at}. */
  public abstract long i64(int at);

  /**
   * The {@code length} bytes at {@code address} (a string's or a {@code list<u8>}'s contents),
   * after checking that they lie in readable memory; an empty array if they do not (after {@link
   * #fail}).
   */
  public abstract byte[] bytes(int address, int length, String what);

  /**
   * Checks a list of {@code length} elements of {@code element} at {@code address}.
   *
   * @return whether its elements can be read; then the caller calls {@link #endList} after them
   */
  public abstract boolean list(int address, int length, WitType element, String what);

  /** The elements of the list at {@code address} have been read (the guest frees it). */
  public abstract void endList(int address);

  /**
   * Decodes a string's bytes as strict UTF-8. A reader on the JVM overrides it to build ASCII text
   * without the intermediate {@code char[]}; the guest keeps this one, which needs no charset.
   *
   * @throws org.wasmdbms.api.error.MemoryException if the bytes are not well-formed UTF-8
   */
  public String utf8(byte[] bytes) {
    return Utf8.decode(bytes, 0, bytes.length);
  }

  /** Bad data: a case out of range, text that is not UTF-8 or not in its case's form. */
  public abstract void fail(DbmsException problem);

  /** Whether an earlier problem makes every value read from now on a placeholder. */
  public abstract boolean discarding();
}
