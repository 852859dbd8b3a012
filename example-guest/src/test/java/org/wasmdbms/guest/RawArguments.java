package org.wasmdbms.guest;

import org.wasmdbms.api.row.Row;
import org.wasmdbms.host.abi.GuestMemoryWriter;
import org.wasmdbms.wit.AbiWriter;
import org.wasmdbms.wit.Lower;

/**
 * Arguments placed in guest memory by the host's own lowering ({@link Lower} into a {@link
 * GuestMemoryWriter}), handed back as the (pointer, length) pair a core call takes, so a test can
 * damage them before the call.
 */
final class RawArguments extends AbiWriter {
  private final GuestMemoryWriter guest;
  private final long[] pair = new long[2];

  RawArguments(GuestInstance instance) {
    this.guest = new GuestMemoryWriter(instance);
  }

  /** {@code bytes} in a fresh buffer: (pointer, length). */
  long[] bytes(byte[] bytes) {
    Lower.bytes(this, 0, bytes);
    return pair.clone();
  }

  /** {@code text} in UTF-8: (pointer, length). */
  long[] string(String text) {
    Lower.string(this, 0, text);
    return pair.clone();
  }

  /** {@code row}'s column-value list: (pointer, length). */
  long[] row(Row row) {
    Lower.row(this, 0, row);
    return pair.clone();
  }

  /** A fresh block of argument memory. */
  int block(int size, int align) {
    return guest.allocate(size, align);
  }

  // The pair: what Lower writes at offsets 0 (the pointer) and 4 (the length).

  @Override
  public void pointer(int at, int address) {
    pair[at / 4] = address & 0xFFFFFFFFL;
  }

  @Override
  public void u32(int at, int value) {
    pair[at / 4] = value & 0xFFFFFFFFL;
  }

  @Override
  public void u8(int at, int value) {
    throw new UnsupportedOperationException("only (pointer, length) pairs");
  }

  @Override
  public void u16(int at, int value) {
    throw new UnsupportedOperationException("only (pointer, length) pairs");
  }

  @Override
  public void u64(int at, long value) {
    throw new UnsupportedOperationException("only (pointer, length) pairs");
  }

  @Override
  public AbiWriter heap() {
    return guest;
  }

  @Override
  public int allocate(long size, int align) {
    throw new UnsupportedOperationException("the contents go into guest memory");
  }

  @Override
  public void copy(int address, byte[] data) {
    throw new UnsupportedOperationException("the contents go into guest memory");
  }
}
