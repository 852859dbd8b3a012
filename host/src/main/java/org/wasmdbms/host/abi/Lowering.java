package org.wasmdbms.host.abi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.wasmdbms.wit.AbiWriter;
import org.wasmdbms.wit.DbmsFunction;
import org.wasmdbms.wit.Lower;
import org.wasmdbms.wit.WitType;

/**
 * One call's arguments. {@link Lower} stores the parameters as one tuple ({@link
 * DbmsFunction#params()}) into a host-side buffer laid out exactly as guest memory would be;
 * strings and list contents go straight into guest memory through {@code cabi_realloc}. The tuple
 * is then either copied into guest memory (more than 16 flat values) or flattened into core
 * arguments, so both paths share one layout.
 *
 * <p>Not reusable: one instance per call.
 */
final class Lowering extends AbiWriter {
  private final GuestMemoryWriter guest;
  private final DbmsFunction function;
  private final ByteBuffer tuple;

  Lowering(GuestExports guest, DbmsFunction function) {
    this.guest = new GuestMemoryWriter(guest);
    this.function = function;
    this.tuple = ByteBuffer.allocate(function.params().size()).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The offset in the tuple of parameter {@code index}. */
  int param(int index) {
    return function.params().fieldOffset(index);
  }

  @Override
  public void u8(int at, int value) {
    tuple.put(at, (byte) value);
  }

  @Override
  public void u16(int at, int value) {
    tuple.putShort(at, (short) value);
  }

  @Override
  public void u32(int at, int value) {
    tuple.putInt(at, value);
  }

  @Override
  public void u64(int at, long value) {
    tuple.putLong(at, value);
  }

  @Override
  public void pointer(int at, int address) {
    tuple.putInt(at, address);
  }

  @Override
  public AbiWriter heap() {
    return guest;
  }

  /** The tuple is allocated whole: nothing points into it. */
  @Override
  public int allocate(long size, int align) {
    throw new UnsupportedOperationException("nothing is allocated in the parameter tuple");
  }

  @Override
  public void copy(int address, byte[] data) {
    throw new UnsupportedOperationException("nothing is copied into the parameter tuple");
  }

  /**
   * The core arguments: a pointer to the tuple copied into guest memory if the parameters spill,
   * else the tuple flattened.
   */
  long[] arguments() {
    WitType params = function.params();
    if (function.spillsParams()) {
      int address = guest.allocate(params.size(), params.alignment());
      guest.copy(address, tuple.array());
      return new long[] {address};
    }
    long[] flat = new long[params.flat().size()];
    flatten(params, 0, flat, 0);
    return flat;
  }

  // ---- flattening of the tuple ----

  /** Flattens the value of {@code type} at {@code at} into {@code out} from {@code next}. */
  private int flatten(WitType type, int at, long[] out, int next) {
    switch (type.kind()) {
      case SCALAR -> out[next++] = scalar(type, at);
      case STRING, LIST -> {
        out[next++] = tuple.getInt(at) & 0xFFFFFFFFL;
        out[next++] = tuple.getInt(at + 4) & 0xFFFFFFFFL;
      }
      case RECORD -> {
        for (int i = 0; i < type.parts().size(); i++) {
          next = flatten(type.parts().get(i).type(), at + type.fieldOffset(i), out, next);
        }
      }
      case VARIANT -> {
        int discriminant = tuple.get(at) & 0xFF;
        out[next] = discriminant;
        int end = next + type.flat().size();
        WitType payload = type.parts().get(discriminant).type();
        if (payload != null) {
          flatten(payload, at + type.payloadOffset(), out, next + 1);
        }
        // A narrower payload leaves the variant's remaining flat slots zero, as the array is.
        next = end;
      }
    }
    return next;
  }

  /** A scalar's bits as a core value: 32-bit values zero-extended, signed ones sign-extended. */
  private long scalar(WitType type, int at) {
    return switch (type.size()) {
      case 1 -> type.signed() ? tuple.get(at) : tuple.get(at) & 0xFFL;
      case 2 -> type.signed() ? tuple.getShort(at) : tuple.getShort(at) & 0xFFFFL;
      case 4 -> tuple.getInt(at) & 0xFFFFFFFFL;
      default -> tuple.getLong(at);
    };
  }
}
