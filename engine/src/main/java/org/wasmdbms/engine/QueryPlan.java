package org.wasmdbms.engine;

/**
 * What a select would do, as {@link Database#explain} reports it. Immutable.
 *
 * @param access how rows are reached: {@code "full scan"}, {@code "primary key lookup"}, {@code
 *     "unique lookup"} or {@code "index scan"}
 * @param index the index read (for example {@code "primary key (id)"} or a secondary index's name),
 *     or null for a full scan
 * @param bounds the filter conditions that bound the read, empty when it is unbounded
 * @param ordered whether rows come in the requested order straight from the index, so no sort is
 *     needed and a LIMIT stops the read early
 * @param description the whole plan in one line
 */
public record QueryPlan(
    String access, String index, String bounds, boolean ordered, String description) {
  @Override
  public String toString() {
    return description;
  }
}
