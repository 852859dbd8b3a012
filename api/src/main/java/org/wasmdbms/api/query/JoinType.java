package org.wasmdbms.api.query;

/** How a {@link Join} pairs rows; each has its wire-format name, for example {@code "Left"}. */
public enum JoinType {
  /** Only pairs of rows that match. */
  INNER("Inner"),
  /** Every left row, with null right columns when nothing matches. */
  LEFT("Left"),
  /** Every right row, with null left columns when nothing matches. */
  RIGHT("Right"),
  /** Every row of both sides, padded with nulls where nothing matches. */
  FULL("Full");

  private final String wireName;

  JoinType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the JSON wire format. */
  public String wireName() {
    return wireName;
  }

  /** The join type with this wire name, or null if there is none. */
  public static JoinType fromWireName(String name) {
    for (JoinType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }
}
