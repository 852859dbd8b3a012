package org.wasmdbms.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.bytes.Utf8;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;

/**
 * What a returned row costs the ABI, in bytes allocated per row: lowering it (the guest writing its
 * result) and lifting it (the host reading it). The guest's result writer encodes strings in place
 * (as {@code ResultWriter} does, mirrored here by a writer over one array), so lowering a row
 * allocates nothing; a writer that encodes each string to its own array first, the way every string
 * was lowered before, is measured beside it.
 */
class RowAbiCostTest {
  private static final int ROWS = 500;
  private static final int ROUNDS = 40;

  @Test
  void loweringARowAllocatesNothing() {
    List<Row> rows = users();
    long inPlace = bytesPerRow(() -> lower(new ArrayWriter(true), rows));
    long viaArrays = bytesPerRow(() -> lower(new ArrayWriter(false), rows));
    System.out.println(
        "guest side, bytes allocated per lowered row (id, name, email): "
            + inPlace
            + " (with an array per string: "
            + viaArrays
            + ")");
    assertTrue(inPlace <= 2, "lowering allocates " + inPlace + " bytes per row");
    assertTrue(viaArrays >= 48, "an array per string allocates " + viaArrays + " bytes per row");
  }

  /**
   * A select's rows all have the same column names: they are encoded for the first row only, and
   * every later row points at those bytes, so per row only its text values are encoded; lifting
   * gives every row the same list of names.
   */
  @Test
  void columnNamesAreWrittenOncePerSelect() {
    List<Row> rows = users();
    ArrayWriter out = new ArrayWriter(true);
    int at = out.allocate(8, 8);
    Lower.rows(out, at, rows);
    // id, name and email for the first row, then name and email (the text values) per row.
    assertEquals(3 + 2 * ROWS, out.strings);
    ByteMemory memory = new ByteMemory();
    int rowsAt = memory.writer.allocate(8, 4);
    Lower.rows(memory.writer, rowsAt, rows);
    List<Row> lifted = Lift.rows(memory.reader, rowsAt, "rows");
    assertEquals(rows, lifted);
    for (Row row : lifted) {
      for (int i = 0; i < row.size(); i++) {
        assertSame(lifted.get(0).name(i), row.name(i));
      }
    }
  }

  @Test
  void liftingARowAllocatesOnlyTheRow() {
    ByteMemory memory = new ByteMemory();
    List<Row> rows = users();
    int at = memory.writer.allocate(8, 4);
    Lower.rows(memory.writer, at, rows);
    assertEquals(rows, Lift.rows(memory.reader, at, "rows"));
    long lifted = bytesPerRow(() -> Lift.rows(memory.reader, at, "rows"));
    System.out.println("host side, bytes allocated per lifted row (id, name, email): " + lifted);
    // The row and its value array, two texts with their arrays, one Uint32Value: the names are
    // shared by all rows (measured 390; 1,000 or more when every row had its own names and
    // column objects).
    assertTrue(lifted <= 480, "lifting allocates " + lifted + " bytes per row");
  }

  private static List<Row> users() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(
          Row.builder()
              .set("id", new Uint32Value(i))
              .set("name", new TextValue("user " + i))
              .set("email", new TextValue("user" + i + "@example.com"))
              .build());
    }
    return rows;
  }

  private static void lower(ArrayWriter out, List<Row> rows) {
    Lower.rows(out, out.allocate(8, 8), rows);
  }

  private static long bytesPerRow(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < ROUNDS; i++) {
      work.run();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < ROUNDS; i++) {
      work.run();
    }
    return (threads.getCurrentThreadAllocatedBytes() - before) / ((long) ROUNDS * ROWS);
  }

  /** A result block over one array, like the guest's ResultWriter, reused by every round. */
  private static final class ArrayWriter extends AbiWriter {
    private static final byte[] BLOCK = new byte[1 << 20];
    private final boolean inPlace;
    private int size;
    private int strings;

    ArrayWriter(boolean inPlace) {
      this.inPlace = inPlace;
    }

    @Override
    public void u8(int at, int value) {
      BLOCK[at] = (byte) value;
    }

    @Override
    public void u16(int at, int value) {
      u8(at, value);
      u8(at + 1, value >>> 8);
    }

    @Override
    public void u32(int at, int value) {
      u16(at, value);
      u16(at + 2, value >>> 16);
    }

    @Override
    public void u64(int at, long value) {
      u32(at, (int) value);
      u32(at + 4, (int) (value >>> 32));
    }

    @Override
    public void pointer(int at, int address) {
      u32(at, address);
    }

    @Override
    public long placeString(String text) {
      strings++;
      return super.placeString(text);
    }

    @Override
    public AbiWriter heap() {
      return this;
    }

    @Override
    public int allocate(long length, int align) {
      int start = (size + align - 1) & -align;
      size = (int) (start + length);
      return start;
    }

    @Override
    public void copy(int address, byte[] data) {
      System.arraycopy(data, 0, BLOCK, address, data.length);
    }

    @Override
    public void utf8(int address, String text) {
      if (inPlace) {
        Utf8.encodeInto(text, BLOCK, address);
      } else {
        super.utf8(address, text);
      }
    }
  }
}
