package org.wasmdbms.host.abi;

import com.dylibso.chicory.runtime.Memory;
import java.nio.charset.StandardCharsets;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.wit.AbiReader;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.Lift;
import org.wasmdbms.wit.WitType;

/**
 * A guest's memory as the host reads results from it ({@link Lift} does the reading). Every pointer
 * and length is checked against the memory's size and the type's alignment before it is read; any
 * bad data (a pointer outside memory, a case out of range, a string that is not UTF-8, a
 * text-carried value that does not parse) is a {@link GuestFault} at once. Not thread-safe: one per
 * instance.
 */
final class Lifting extends AbiReader {
  private final Memory memory;

  Lifting(Memory memory) {
    this.memory = memory;
  }

  /** A lifted {@code result<T, dbms-error>}: either a value or the error, not yet thrown. */
  record Outcome<T>(T value, DbmsException error) {}

  /** Reads the ok payload of a result at an address that is already checked. */
  interface Reader<T> {
    T read(int at);
  }

  /** Lifts the result of {@code function} at {@code at}; {@code ok} reads the ok payload. */
  <T> Outcome<T> result(DbmsFunction function, int at, Reader<T> ok) {
    WitType type = function.result();
    check(at, type.size(), type.alignment());
    int payload = at + type.payloadOffset();
    if (Lift.discriminant(this, at, type, function.witName()) == 0) {
      return new Outcome<>(ok == null ? null : ok.read(payload), null);
    }
    return new Outcome<>(null, Lift.error(this, payload));
  }

  @Override
  public int u8(int at) {
    return memory.read(at) & 0xFF;
  }

  @Override
  public int u16(int at) {
    return memory.readShort(at) & 0xFFFF;
  }

  @Override
  public int i32(int at) {
    return memory.readInt(at);
  }

  @Override
  public long i64(int at) {
    return memory.readLong(at);
  }

  @Override
  public byte[] bytes(int address, int length, String what) {
    check(address, length & 0xFFFFFFFFL, 1);
    return memory.readBytes(address, length);
  }

  /** ASCII text (column names, most values) becomes a string in one copy, with no char array. */
  @Override
  public String utf8(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return super.utf8(bytes);
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  @Override
  public boolean list(int address, int length, WitType element, String what) {
    check(address, (length & 0xFFFFFFFFL) * element.size(), element.alignment());
    return length != 0;
  }

  @Override
  public void endList(int address) {
    // The guest frees its result in cabi_post_*.
  }

  @Override
  public void fail(DbmsException problem) {
    throw new GuestFault("the guest returned bad data: " + problem.detail(), problem);
  }

  @Override
  public boolean discarding() {
    return false;
  }

  /** Checks that {@code length} bytes at {@code address} lie in memory, aligned. */
  private void check(int address, long length, int alignment) {
    long start = address & 0xFFFFFFFFL;
    long size = memory.pages() * (long) Memory.PAGE_SIZE;
    if (start % alignment != 0 || start + length > size) {
      throw new GuestFault(
          length + " bytes at " + start + " (alignment " + alignment + ") are outside memory");
    }
  }
}
