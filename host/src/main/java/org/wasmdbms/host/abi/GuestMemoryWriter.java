package org.wasmdbms.host.abi;

import com.dylibso.chicory.runtime.Memory;
import org.wasmdbms.api.error.ConstraintViolationException;
import org.wasmdbms.wit.AbiWriter;

/**
 * A guest's memory as the host writes arguments into it: allocation through the guest's {@code
 * cabi_realloc} (the guest owns, and frees, what it is given), writes straight into its linear
 * memory. An address {@code cabi_realloc} returns outside memory or misaligned is a {@link
 * GuestFault}. Not thread-safe: one per call.
 */
public final class GuestMemoryWriter extends AbiWriter {
  private final GuestExports guest;
  private final Memory memory;

  /** Writes into {@code guest}'s memory. */
  public GuestMemoryWriter(GuestExports guest) {
    this.guest = guest;
    this.memory = guest.memory();
  }

  @Override
  public void u8(int at, int value) {
    memory.writeByte(at, (byte) value);
  }

  @Override
  public void u16(int at, int value) {
    memory.writeShort(at, (short) value);
  }

  @Override
  public void u32(int at, int value) {
    memory.writeI32(at, value);
  }

  @Override
  public void u64(int at, long value) {
    memory.writeLong(at, value);
  }

  @Override
  public void pointer(int at, int address) {
    memory.writeI32(at, address);
  }

  @Override
  public AbiWriter heap() {
    return this;
  }

  /**
   * Allocates with the guest's {@code cabi_realloc}.
   *
   * @throws ConstraintViolationException if {@code size} is 2 GiB or more
   */
  @Override
  public int allocate(long size, int align) {
    if (size > Integer.MAX_VALUE) {
      throw new ConstraintViolationException("an argument of " + size + " bytes is too large");
    }
    int address = (int) guest.call("cabi_realloc", 0, 0, align, size)[0];
    long end = (address & 0xFFFFFFFFL) + size;
    if (address % align != 0 || end > memory.pages() * (long) Memory.PAGE_SIZE) {
      throw new GuestFault(
          "cabi_realloc returned " + address + " for " + size + " bytes aligned to " + align);
    }
    return address;
  }

  @Override
  public void copy(int address, byte[] data) {
    memory.write(address, data);
  }
}
