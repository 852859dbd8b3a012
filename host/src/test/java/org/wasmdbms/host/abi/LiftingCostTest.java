package org.wasmdbms.host.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.host.chicory.FlatMemory;
import org.wasmdbms.wit.AbiWriter;
import org.wasmdbms.wit.Lift;
import org.wasmdbms.wit.Lower;

/**
 * What the host allocates per row it lifts from guest memory, counted with the thread's allocated
 * bytes so that a regression (a description string per value, a char array per ASCII string) fails
 * here: the row, its columns and values, and each string in one copy.
 */
class LiftingCostTest {
  private static final int ROWS = 500;
  private static final int ROUNDS = 40;

  @Test
  void aLiftedRowAllocatesOnlyWhatItHolds() {
    Memory memory = new FlatMemory(new MemoryLimits(16, 16));
    AbiWriter writer = new BumpWriter(memory);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(
          Row.builder()
              .set("id", new Uint32Value(i))
              .set("name", new TextValue("user " + i))
              .set("email", new TextValue("user" + i + "@example.com"))
              .build());
    }
    int at = writer.allocate(8, 4);
    Lower.rows(writer, at, rows);
    Lifting lifting = new Lifting(memory);
    assertEquals(rows, Lift.rows(lifting, at, "rows"));

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < ROUNDS; i++) {
      Lift.rows(lifting, at, "rows");
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < ROUNDS; i++) {
      Lift.rows(lifting, at, "rows");
    }
    long perRow = (threads.getCurrentThreadAllocatedBytes() - before) / ((long) ROUNDS * ROWS);
    System.out.println("host side, bytes allocated per lifted row (id, name, email): " + perRow);
    // Measured 1,254 before issue #30, then 757 (a char array per string, two description strings
    // per column); now 302: the rows share one list of names, which the guest writes once.
    assertTrue(perRow <= 400, "lifting allocates " + perRow + " bytes per row");
  }

  /** Writes into a Chicory memory with a bump allocator, as a guest's result would lie there. */
  private static final class BumpWriter extends AbiWriter {
    private final Memory memory;
    private int top = 8;

    BumpWriter(Memory memory) {
      this.memory = memory;
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

    @Override
    public int allocate(long size, int align) {
      top = (top + align - 1) & -align;
      int address = top;
      top += (int) size;
      return address;
    }

    @Override
    public void copy(int address, byte[] data) {
      memory.write(address, data);
    }
  }
}
