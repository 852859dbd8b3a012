package org.wasmdbms.guest.abi;

import org.teavm.interop.Address;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.guest.GuestMemory;
import org.wasmdbms.wit.AbiReader;
import org.wasmdbms.wit.WitType;

/**
 * The guest's own memory as {@link org.wasmdbms.wit.Lift} reads one export call's arguments from
 * it; frees the argument memory the host allocated with {@code cabi_realloc} (the callee owns it).
 *
 * <p>The reader never stops half-way: every buffer of the arguments must be freed even when an
 * earlier part is bad, or each bad call would leak. So the first problem (invalid UTF-8, an
 * oversized string or list, an unknown case, a pointer outside the argument memory, a value whose
 * text form is malformed) is recorded, the reader switches to discarding (it keeps walking and
 * freeing but builds no more values), and {@link #finish()} throws that problem as a {@link
 * DbmsException}. Only buffers that lie inside the {@link NativeHeap} are read or freed, so a wrong
 * pointer cannot make the guest fault.
 */
public final class ArgumentReader extends AbiReader {
  private DbmsException problem;
  private long stringBytes;

  /**
   * Throws the first problem met while reading, if any.
   *
   * @throws DbmsException the problem
   */
  public void finish() {
    if (problem != null) {
      throw problem;
    }
  }

  /** Records {@code error} unless an earlier problem is already recorded. */
  @Override
  public void fail(DbmsException error) {
    if (problem == null) {
      problem = error;
    }
  }

  @Override
  public boolean discarding() {
    return problem != null;
  }

  /** Frees a block of argument memory (the spilled parameter tuple, for example). */
  public void release(int address) {
    NativeHeap.free(address);
  }

  /**
   * Checks that the parameter block at {@code address} of type {@code params} lies in argument
   * memory.
   *
   * @return whether it can be read
   */
  public boolean block(int address, WitType params, String what) {
    if ((address & (params.alignment() - 1)) != 0 || !NativeHeap.holds(address, params.size())) {
      fail(new InvalidQueryException(what + " lies outside the argument memory"));
      return false;
    }
    return true;
  }

  /**
   * Copies the bytes of a (pointer, length) buffer and frees it; an empty array once discarding or
   * when the buffer is too large, outside argument memory, or over the call's byte budget.
   */
  @Override
  public byte[] bytes(int address, int length, String what) {
    if (length == 0) {
      return new byte[0];
    }
    long size = length & 0xFFFFFFFFL;
    if (!NativeHeap.holds(address, size)) {
      fail(new InvalidQueryException(what + " lies outside the argument memory"));
      return new byte[0];
    }
    stringBytes += size;
    if (size > GuestMemory.MAX_VALUE_BYTES) {
      fail(
          new ConstraintViolationException(
              what + " of " + size + " bytes exceeds " + GuestMemory.MAX_VALUE_BYTES + " bytes"));
    } else if (stringBytes > GuestMemory.MAX_REQUEST_BYTES) {
      fail(
          new ConstraintViolationException(
              "the arguments exceed " + GuestMemory.MAX_REQUEST_BYTES + " bytes in all"));
    }
    byte[] bytes = discarding() ? new byte[0] : new byte[length];
    if (bytes.length > 0) {
      // No Java allocation between taking the array's address and the copy, so it cannot move.
      Address.moveMemoryBlock(Address.fromInt(address), Address.ofData(bytes), length);
    }
    release(address);
    return bytes;
  }

  /** Checks a list argument: in argument memory, aligned, at most the list limit. */
  @Override
  public boolean list(int address, int length, WitType element, String what) {
    if (length == 0) {
      return false;
    }
    long size = (length & 0xFFFFFFFFL) * element.size();
    if ((address & (element.alignment() - 1)) != 0 || !NativeHeap.holds(address, size)) {
      fail(new InvalidQueryException(what + " lies outside the argument memory"));
      return false;
    }
    if ((length & 0xFFFFFFFFL) > GuestMemory.MAX_LIST_LENGTH) {
      fail(
          new ConstraintViolationException(
              what + " has more than " + GuestMemory.MAX_LIST_LENGTH + " elements"));
    }
    return true;
  }

  /** Frees a list argument once its elements are read. */
  @Override
  public void endList(int address) {
    release(address);
  }

  /** The {@code u8} at {@code address}, which a {@link #block} or list check has covered. */
  @Override
  public int u8(int address) {
    return Address.fromInt(address).getByte() & 0xFF;
  }

  /** The {@code u16} at {@code address}, which a {@link #block} or list check has covered. */
  @Override
  public int u16(int address) {
    return Address.fromInt(address).getShort() & 0xFFFF;
  }

  /** The {@code i32} at {@code address}, which a {@link #block} or list check has covered. */
  @Override
  public int i32(int address) {
    return Address.fromInt(address).getInt();
  }

  /** The {@code i64} at {@code address}, which a {@link #block} or list check has covered. */
  @Override
  public long i64(int address) {
    return Address.fromInt(address).getLong();
  }
}
