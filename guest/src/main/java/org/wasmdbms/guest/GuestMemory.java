package org.wasmdbms.guest;

/**
 * The guest's memory budget, chosen together (the Maven build passes the same heap size and page
 * maximum to the WebAssembly build, and a test checks the built module against these constants).
 *
 * <ul>
 *   <li>The Java heap is fixed at {@link #HEAP_MIB} MiB. TeaVM cannot throw {@code
 *       OutOfMemoryError}: an exhausted heap kills the module. The largest request and result below
 *       keep every call far from that: a call holds its arguments as Java strings (two bytes a
 *       character), the engine's rows and the result being built, a few copies of at most {@link
 *       #MAX_REQUEST_BYTES} plus {@link #MAX_RESULT_BYTES}, with room left for the engine's pages.
 *   <li>Above the heap, canonical-ABI buffers live in a non-moving arena that may grow until the
 *       module's memory reaches {@link #MAX_PAGES} pages (1 GiB).
 *   <li>A single text, blob, JSON, filter or other string argument may hold at most {@link
 *       #MAX_VALUE_BYTES} bytes; all strings of one call together at most {@link
 *       #MAX_REQUEST_BYTES}; a list argument at most {@link #MAX_LIST_LENGTH} elements; a result at
 *       most {@link #MAX_RESULT_BYTES} bytes in canonical-ABI form. Beyond these the call answers
 *       {@code constraint-violation} (arguments) or {@code memory-error} (results) and allocates
 *       nothing large.
 *   <li>At most {@link #CACHE_PAGES} pages of the database file, and as many of its journal, are
 *       cached for reads.
 *   <li>A write may hold at most {@link #MAX_WRITE_BYTES} bytes of rows, and so may all open
 *       transactions together; past that the statement answers {@code memory-error} and changes
 *       nothing (its transaction stays open). At most {@link #MAX_OPEN_TRANSACTIONS} transactions
 *       may be open at once, since each holds its writes in memory until it ends.
 * </ul>
 *
 * <p>The heap, the page maximum, the largest value and the largest result are options of the guest
 * build ({@code wasm-dbms-maven-plugin}): each is the value of a small method below whose body the
 * build's TeaVM transformer ({@code org.wasmdbms.build.GuestBinding}) replaces with the configured
 * constant. On the JVM, and in a build that sets nothing, they are the defaults written here. The
 * fields are therefore not compile-time constants: javac must not copy the defaults into callers.
 */
public final class GuestMemory {
  /** The fixed size of TeaVM's Java heap, in MiB. */
  public static final int HEAP_MIB = heapMib();

  /** The maximum number of 64 KiB pages of the module's memory (1 GiB). At most 32767. */
  public static final int MAX_PAGES = maxPages();

  /** The largest single string or blob argument, in bytes (4 MiB). */
  public static final int MAX_VALUE_BYTES = maxValueBytes();

  /** The largest total of string and blob bytes in one call's arguments: two largest values. */
  public static final int MAX_REQUEST_BYTES = 2 * MAX_VALUE_BYTES;

  /** The largest number of elements of one list argument. */
  public static final int MAX_LIST_LENGTH = 65536;

  /** The largest result of one call in canonical-ABI form, in bytes (16 MiB). */
  public static final int MAX_RESULT_BYTES = maxResultBytes();

  /**
   * The most bytes of rows (text and JSON counted in characters) that writes may hold in memory:
   * one statement the rows it matches and keeps to undo itself, all open transactions together the
   * rows they changed (32 MiB).
   */
  public static final int MAX_WRITE_BYTES = 32 << 20;

  /** Pages of the database file, and again of its journal, cached for reads (8 MiB each). */
  public static final int CACHE_PAGES = 128;

  /** The largest number of transactions open at the same time. */
  public static final int MAX_OPEN_TRANSACTIONS = 1024;

  private GuestMemory() {}

  // The build options: each body is replaced at build time when the build sets the option.

  private static int heapMib() {
    return 256;
  }

  private static int maxPages() {
    return 16384;
  }

  private static int maxValueBytes() {
    return 4 << 20;
  }

  private static int maxResultBytes() {
    return 16 << 20;
  }
}
