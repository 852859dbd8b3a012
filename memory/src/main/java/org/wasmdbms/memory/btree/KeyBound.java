package org.wasmdbms.memory.btree;

/**
 * One end of a key range for {@link BTree#scan}: unbounded, or a key that is included or excluded.
 * Immutable; the key is copied on creation.
 */
public final class KeyBound {
  private static final KeyBound UNBOUNDED = new KeyBound(null, false);

  private final byte[] key;
  private final boolean inclusive;

  private KeyBound(byte[] key, boolean inclusive) {
    this.key = key;
    this.inclusive = inclusive;
  }

  /** No limit on this side. */
  public static KeyBound unbounded() {
    return UNBOUNDED;
  }

  /** Keys up to (or from) {@code key}, {@code key} included. */
  public static KeyBound inclusive(byte[] key) {
    return new KeyBound(key.clone(), true);
  }

  /** Keys up to (or from) {@code key}, {@code key} excluded. */
  public static KeyBound exclusive(byte[] key) {
    return new KeyBound(key.clone(), false);
  }

  /** Whether this side has no limit. */
  public boolean isUnbounded() {
    return key == null;
  }

  /** Whether the bound key itself is in range; false when unbounded. */
  public boolean isInclusive() {
    return inclusive;
  }

  /** The bound key (a copy), or null when unbounded. */
  public byte[] key() {
    return key == null ? null : key.clone();
  }

  byte[] sharedKey() {
    return key;
  }
}
