package org.wasmdbms.engine.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.LikePattern;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * Binds the having filter of an aggregate to the slots of a {@link GroupLayout}, with the null
 * semantics of {@link BoundFilter}.
 *
 * <p>Group-by columns, minimums and maximums follow their column's rules and a count those of a
 * Uint64 column. A sum or average compares by numeric value with any integer or decimal value, and
 * a float one also with float values. For a float result that comparison is exact, yet the bound
 * filter compares floats with floats: an integer or decimal {@code d} is replaced by {@code r}, the
 * largest binary64 not above it. If {@code r} equals {@code d}, nothing else changes. Otherwise
 * {@code d} lies strictly between {@code r} and the next double, so no float equals it, a float is
 * above or at {@code d} exactly when it is above {@code r}, and below or at {@code d} exactly when
 * it is at most {@code r}.
 */
final class HavingFilter {
  /** The exact value of the largest finite binary64. */
  private static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.MAX_VALUE);

  private HavingFilter() {}

  /**
   * Binds {@code filter} (null: every group).
   *
   * @throws InvalidQueryException for a name that is no slot, a value a slot cannot be compared
   *     with, or LIKE on a slot that is not text
   */
  static BoundFilter bind(Filter filter, GroupLayout layout) {
    if (filter == null) {
      return new BoundFilter.Constant(true);
    }
    if (filter instanceof Filter.Comparison comparison) {
      return comparison(comparison, layout);
    }
    if (filter instanceof Filter.In in) {
      return in(in, layout);
    }
    if (filter instanceof Filter.Like like) {
      int slot = layout.slot(like.column());
      DataType type = layout.types()[slot];
      if (layout.numeric()[slot] || (type != DataType.TEXT && type != DataType.JSON)) {
        throw new InvalidQueryException(
            "LIKE needs a Text or Json value; " + like.column() + " is " + describe(layout, slot));
      }
      return new BoundFilter.Like(slot, LikePattern.compile(like.pattern()));
    }
    if (filter instanceof Filter.IsNull isNull) {
      return new BoundFilter.IsNull(layout.slot(isNull.column()));
    }
    if (filter instanceof Filter.NotNull notNull) {
      return new BoundFilter.Not(new BoundFilter.IsNull(layout.slot(notNull.column())));
    }
    if (filter instanceof Filter.Not not) {
      return new BoundFilter.Not(bind(not.operand(), layout));
    }
    List<Filter> operands =
        filter instanceof Filter.And and ? and.operands() : ((Filter.Or) filter).operands();
    List<BoundFilter> bound = new ArrayList<>(operands.size());
    for (Filter operand : operands) {
      bound.add(bind(operand, layout));
    }
    return filter instanceof Filter.And ? new BoundFilter.And(bound) : new BoundFilter.Or(bound);
  }

  private static BoundFilter comparison(Filter.Comparison comparison, GroupLayout layout) {
    int slot = layout.slot(comparison.column());
    BoundFilter.Op op = BoundFilter.Op.of(comparison);
    Operand operand = operand(layout, slot, comparison.column(), comparison.value());
    Value value = operand.value();
    if (value.isNull()) {
      return switch (op) {
        case EQ -> new BoundFilter.IsNull(slot);
        case NE -> new BoundFilter.Not(new BoundFilter.IsNull(slot));
        default -> new BoundFilter.Constant(false);
      };
    }
    if (!operand.between()) {
      return new BoundFilter.Compare(op, slot, value);
    }
    return switch (op) {
      case EQ -> new BoundFilter.Constant(false);
      case NE -> new BoundFilter.Constant(true);
      case GT, GE -> new BoundFilter.Compare(BoundFilter.Op.GT, slot, value);
      case LT, LE -> new BoundFilter.Compare(BoundFilter.Op.LE, slot, value);
    };
  }

  private static BoundFilter in(Filter.In in, GroupLayout layout) {
    int slot = layout.slot(in.column());
    boolean matchesNull = false;
    List<Value> values = new ArrayList<>();
    for (Value value : in.values()) {
      Operand operand = operand(layout, slot, in.column(), value);
      if (operand.value().isNull()) {
        matchesNull = true;
      } else if (!operand.between()) { // a value no float equals never matches
        values.add(operand.value());
      }
    }
    return new BoundFilter.In(slot, values, matchesNull);
  }

  /**
   * A filter value as the bound filter compares it with a slot.
   *
   * @param value the value to compare with
   * @param between whether the given value lies strictly between {@code value}, a float, and the
   *     next float above it, so that no float equals it
   */
  private record Operand(Value value, boolean between) {}

  /**
   * {@code value} as the bound filter compares it with the slot: unchanged, as a decimal for an
   * exact sum or average, as a float or the float below it for a float one.
   *
   * @throws InvalidQueryException if the slot cannot be compared with {@code value}
   */
  private static Operand operand(GroupLayout layout, int slot, String name, Value value) {
    DataType type = layout.types()[slot];
    if (value.isNull()) {
      return new Operand(value, false);
    }
    if (!layout.numeric()[slot]) {
      if (!Values.comparable(type, value.type())) {
        throw incomparable(layout, slot, name, value);
      }
      return new Operand(value, false);
    }
    if (type.isFloat() && value.type().isFloat()) {
      return new Operand(value, false);
    }
    BigDecimal exact;
    if (value instanceof IntegerValue integer) {
      exact = new BigDecimal(integer.text());
    } else if (value instanceof DecimalValue decimal) {
      exact = decimal.value();
    } else {
      throw incomparable(layout, slot, name, value);
    }
    return type == DataType.DECIMAL
        ? new Operand(new DecimalValue(exact), false)
        : floatOperand(exact);
  }

  /** {@code exact} as the float equal to it, or else the largest float below it. */
  private static Operand floatOperand(BigDecimal exact) {
    if (exact.compareTo(MAX_DOUBLE) > 0) {
      return new Operand(new Float64Value(Double.MAX_VALUE), true);
    }
    if (exact.compareTo(MAX_DOUBLE.negate()) < 0) {
      return new Operand(new Float64Value(Double.NEGATIVE_INFINITY), true);
    }
    // doubleValue is close but need not be correctly rounded on every runtime: step to the floor.
    double below = exact.doubleValue() + 0.0; // + 0.0 turns -0.0 into 0.0
    while (new BigDecimal(below).compareTo(exact) > 0) {
      below = nextDown(below);
    }
    double above = nextUp(below);
    while (!Double.isInfinite(above) && new BigDecimal(above).compareTo(exact) <= 0) {
      below = above;
      above = nextUp(below);
    }
    return new Operand(new Float64Value(below), new BigDecimal(below).compareTo(exact) != 0);
  }

  /** The next double above finite {@code d}; zero is {@code 0.0}, never {@code -0.0}. */
  private static double nextUp(double d) {
    return d == 0.0 ? Double.MIN_VALUE : step(d, d > 0 ? 1 : -1);
  }

  /** The next double below finite {@code d}; zero is {@code 0.0}, never {@code -0.0}. */
  private static double nextDown(double d) {
    return d == 0.0 ? -Double.MIN_VALUE : step(d, d > 0 ? -1 : 1);
  }

  /** The double whose bits follow those of non-zero {@code d} by {@code delta}. */
  private static double step(double d, int delta) {
    return Double.longBitsToDouble(Double.doubleToLongBits(d) + delta) + 0.0;
  }

  private static InvalidQueryException incomparable(
      GroupLayout layout, int slot, String name, Value value) {
    return new InvalidQueryException(
        name
            + " is "
            + describe(layout, slot)
            + " and cannot be compared with a "
            + value.type().wireName()
            + " value");
  }

  private static String describe(GroupLayout layout, int slot) {
    String type = layout.types()[slot].wireName();
    return layout.numeric()[slot] ? "a " + type + " sum or average" : type;
  }
}
