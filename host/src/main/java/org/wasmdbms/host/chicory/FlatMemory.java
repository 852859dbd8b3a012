package org.wasmdbms.host.chicory;

import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.PassiveDataSegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A guest's linear memory as one {@code byte[]}: an access is one array access with the JVM's own
 * bounds check. Chicory's {@code ByteArrayMemory} keeps 64 KiB pages, so each access also selects
 * the page, checks the offset within it and checks the page index; that was about half of a guest's
 * time in a filter scan (docs/guest-performance.md). Growing copies the array, which TeaVM's
 * runtime does rarely (it grows its heap in large steps).
 *
 * <p>An access outside the memory traps with {@link WasmRuntimeException}, as Chicory's memories
 * do. Not shared: a module that declares shared memory or uses atomics waits is refused. At most
 * {@link #MAX_PAGES} pages (just under 2 GiB, the largest Java array).
 *
 * <p>Not thread-safe: a guest instance runs one call at a time (the host serialises calls).
 */
public final class FlatMemory implements Memory {
  /** The most pages one array holds. */
  public static final int MAX_PAGES = (Integer.MAX_VALUE - 8) / PAGE_SIZE;

  private static final VarHandle SHORTS =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final MemoryLimits limits;
  private final int maximumPages;
  private byte[] bytes;
  private DataSegment[] segments = new DataSegment[0];

  /**
   * A memory of the limits' initial size.
   *
   * @throws WasmRuntimeException if the module needs shared memory or more than {@link #MAX_PAGES}
   *     pages to start
   */
  public FlatMemory(MemoryLimits limits) {
    if (limits.shared()) {
      throw new WasmRuntimeException("shared memory is not supported by this host");
    }
    if (limits.initialPages() > MAX_PAGES) {
      throw new WasmRuntimeException(
          "the module needs " + limits.initialPages() + " pages, at most " + MAX_PAGES + " fit");
    }
    this.limits = limits;
    this.maximumPages = Math.min(limits.maximumPages(), MAX_PAGES);
    this.bytes = new byte[limits.initialPages() * PAGE_SIZE];
  }

  private static WasmRuntimeException outOfBounds(int address, int length) {
    return new WasmRuntimeException(
        "out of bounds memory access: attempted to access address: "
            + address
            + " but limit is: "
            + length);
  }

  /** Traps unless {@code [address, address + length)} lies within {@code limit} bytes. */
  private static void check(int address, int length, int limit) {
    if (address < 0 || length < 0 || address > limit - length) {
      throw outOfBounds(address, limit);
    }
  }

  @Override
  public int pages() {
    return bytes.length / PAGE_SIZE;
  }

  @Override
  public int grow(int delta) {
    int old = pages();
    long grown = (long) old + delta;
    if (delta < 0 || grown > maximumPages) {
      return -1;
    }
    if (delta > 0) {
      bytes = Arrays.copyOf(bytes, (int) grown * PAGE_SIZE);
    }
    return old;
  }

  @Override
  public int initialPages() {
    return limits.initialPages();
  }

  @Override
  public int maximumPages() {
    return maximumPages;
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  @SuppressWarnings("removal") // Chicory still declares them abstract.
  public Object lock(int address) {
    throw new UnsupportedOperationException("memory is not shared");
  }

  @Override
  @SuppressWarnings("removal") // Chicory still declares them abstract.
  public int waitOn(int address, int expected, long timeout) {
    throw new WasmRuntimeException("wait on unshared memory");
  }

  @Override
  @SuppressWarnings("removal") // Chicory still declares them abstract.
  public int waitOn(int address, long expected, long timeout) {
    throw new WasmRuntimeException("wait on unshared memory");
  }

  @Override
  @SuppressWarnings("removal") // Chicory still declares them abstract.
  public int notify(int address, int count) {
    return 0;
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments) {
    initialize(instance, dataSegments, 0);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
    if (dataSegments == null) {
      return;
    }
    segments = dataSegments.clone();
    for (DataSegment segment : dataSegments) {
      if (segment instanceof ActiveDataSegment active) {
        if (active.index() != memoryIndex) {
          continue;
        }
        int offset =
            (int) ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
        byte[] data = active.data();
        write(offset, data, 0, data.length);
      } else if (!(segment instanceof PassiveDataSegment)) {
        throw new WasmRuntimeException("unknown data segment " + segment);
      }
    }
  }

  @Override
  public void initPassiveSegment(int segment, int address, int offset, int size) {
    write(address, segments[segment].data(), offset, size);
  }

  @Override
  public void drop(int segment) {
    segments[segment] = PassiveDataSegment.EMPTY;
  }

  @Override
  public void write(int address, byte[] data, int offset, int length) {
    check(offset, length, data.length);
    check(address, length, bytes.length);
    System.arraycopy(data, offset, bytes, address, length);
  }

  @Override
  public byte read(int address) {
    try {
      return bytes[address];
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public byte[] readBytes(int address, int length) {
    check(address, length, bytes.length);
    return Arrays.copyOfRange(bytes, address, address + length);
  }

  @Override
  public void writeI32(int address, int value) {
    try {
      INTS.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public int readInt(int address) {
    try {
      return (int) INTS.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public void writeLong(int address, long value) {
    try {
      LONGS.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public long readLong(int address) {
    try {
      return (long) LONGS.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public void writeShort(int address, short value) {
    try {
      SHORTS.set(bytes, address, value);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public short readShort(int address) {
    try {
      return (short) SHORTS.get(bytes, address);
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public long readU16(int address) {
    return readShort(address) & 0xFFFFL;
  }

  @Override
  public void writeByte(int address, byte value) {
    try {
      bytes[address] = value;
    } catch (IndexOutOfBoundsException e) {
      throw outOfBounds(address, bytes.length);
    }
  }

  @Override
  public void writeF32(int address, float value) {
    writeI32(address, Float.floatToRawIntBits(value));
  }

  @Override
  public long readF32(int address) {
    return readInt(address);
  }

  @Override
  public float readFloat(int address) {
    return Float.intBitsToFloat(readInt(address));
  }

  @Override
  public void writeF64(int address, double value) {
    writeLong(address, Double.doubleToRawLongBits(value));
  }

  @Override
  public double readDouble(int address) {
    return Double.longBitsToDouble(readLong(address));
  }

  @Override
  public long readF64(int address) {
    return readLong(address);
  }

  @Override
  public void zero() {
    Arrays.fill(bytes, (byte) 0);
  }

  /** Fills {@code [from, to)} with {@code value}. */
  @Override
  public void fill(byte value, int from, int to) {
    check(from, to - from, bytes.length);
    Arrays.fill(bytes, from, to, value);
  }

  @Override
  public void copy(int destination, int source, int length) {
    check(destination, length, bytes.length);
    check(source, length, bytes.length);
    System.arraycopy(bytes, source, bytes, destination, length);
  }
}
