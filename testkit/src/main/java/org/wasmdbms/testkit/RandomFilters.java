package org.wasmdbms.testkit;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.value.Value;

/**
 * Deterministic random {@link Filter} trees and {@link Join}s over a few column names (including
 * awkward ones with quotes and non-ASCII characters), with values from {@link RandomValues}.
 */
public final class RandomFilters {
  private static final String[] COLUMNS = {"id", "name", "a.b", "quote\"d", "\u00fcber", ""};
  private static final String[] PATTERNS = {"%", "a%", "_b%c", "\\%x", "", "%\u00e9_", "a\\\\b"};

  private final RandomValues values;
  private final SplitMix64 rng;

  /** Draws values and choices from {@code values} and its generator. */
  public RandomFilters(RandomValues values) {
    this.values = values;
    this.rng = values.rng();
  }

  /** A random column name. */
  public String column() {
    return COLUMNS[rng.nextInt(COLUMNS.length)];
  }

  /**
   * A random filter no deeper than {@code maxDepth} (at least 1, at most {@link Filter#MAX_DEPTH}).
   */
  public Filter filter(int maxDepth) {
    int pick = rng.nextInt(maxDepth > 1 ? 14 : 11);
    return switch (pick) {
      case 0 -> new Filter.Eq(column(), operand());
      case 1 -> new Filter.Ne(column(), operand());
      case 2 -> new Filter.Gt(column(), operand());
      case 3 -> new Filter.Lt(column(), operand());
      case 4 -> new Filter.Ge(column(), operand());
      case 5 -> new Filter.Le(column(), operand());
      case 6 -> new Filter.In(column(), operands(rng.between(0, 4)));
      case 7 -> new Filter.Like(column(), PATTERNS[rng.nextInt(PATTERNS.length)]);
      case 8 -> new Filter.IsNull(column());
      case 9 -> new Filter.NotNull(column());
      case 10 -> new Filter.Eq(column(), values.value(values.type()));
      case 11 -> new Filter.And(children(maxDepth - 1));
      case 12 -> new Filter.Or(children(maxDepth - 1));
      default -> new Filter.Not(filter(maxDepth - 1));
    };
  }

  private List<Filter> children(int maxDepth) {
    int n = rng.between(2, 4);
    List<Filter> children = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      children.add(filter(maxDepth));
    }
    return children;
  }

  private Value operand() {
    return values.valueOrNull(values.type(), 8);
  }

  private List<Value> operands(int n) {
    List<Value> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(operand());
    }
    return list;
  }

  /** A random join. */
  public Join join() {
    JoinType[] types = JoinType.values();
    return new Join(types[rng.nextInt(types.length)], column(), column(), column());
  }
}
