package org.wasmdbms.wit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.wasmdbms.api.error.DbmsException;

/**
 * A test memory that is both an {@link AbiWriter} and an {@link AbiReader}: a bump allocator over a
 * little-endian buffer. Reading checks bounds and alignment and throws at the first problem, like
 * the host.
 */
final class ByteMemory {
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
  private int top = 8;

  final AbiWriter writer =
      new AbiWriter() {
        @Override
        public void u8(int at, int value) {
          bytes.put(at, (byte) value);
        }

        @Override
        public void u16(int at, int value) {
          bytes.putShort(at, (short) value);
        }

        @Override
        public void u32(int at, int value) {
          bytes.putInt(at, value);
        }

        @Override
        public void u64(int at, long value) {
          bytes.putLong(at, value);
        }

        @Override
        public void pointer(int at, int address) {
          bytes.putInt(at, address);
        }

        @Override
        public AbiWriter heap() {
          return this;
        }

        @Override
        public int allocate(long size, int align) {
          top = (top + align - 1) / align * align;
          int address = top;
          top += (int) size;
          return address;
        }

        @Override
        public void copy(int address, byte[] data) {
          bytes.put(address, data);
        }
      };

  final AbiReader reader =
      new AbiReader() {
        @Override
        public int u8(int at) {
          return bytes.get(at) & 0xFF;
        }

        @Override
        public int u16(int at) {
          return bytes.getShort(at) & 0xFFFF;
        }

        @Override
        public int i32(int at) {
          return bytes.getInt(at);
        }

        @Override
        public long i64(int at) {
          return bytes.getLong(at);
        }

        @Override
        public byte[] bytes(int address, int length, String what) {
          check(address, length, 1);
          byte[] data = new byte[length];
          bytes.get(address, data);
          return data;
        }

        @Override
        public boolean list(int address, int length, WitType element, String what) {
          check(address, (long) length * element.size(), element.alignment());
          return length > 0;
        }

        @Override
        public void endList(int address) {
          // Nothing to free.
        }

        @Override
        public void fail(DbmsException problem) {
          throw problem;
        }

        @Override
        public boolean discarding() {
          return false;
        }
      };

  private void check(int address, long length, int alignment) {
    if (address < 0 || address % alignment != 0 || address + length > top) {
      throw new AssertionError(length + " bytes at " + address + " outside " + top);
    }
  }
}
