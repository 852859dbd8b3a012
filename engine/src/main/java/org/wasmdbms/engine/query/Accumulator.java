package org.wasmdbms.engine.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.wasmdbms.api.query.AggregateFunction.Kind;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float32Value;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * The running state of one aggregate function in one group: it sees the function's column value of
 * every row of the group (a count of rows sees {@code Null}-or-not alike) and then gives the
 * result. Not thread-safe; one per group and function.
 */
abstract class Accumulator {
  /** Digits after the point at which an exact average that does not end is rounded. */
  static final int AVERAGE_SCALE = 20;

  /** Non-null values seen (rows, for a count of rows). */
  long count;

  /**
   * Adds one row's value of the column.
   *
   * @return how many bytes more (or, if negative, fewer) the accumulator holds now, for the memory
   *     limit
   */
  abstract long add(Value value);

  /** The function's result over the values added so far. */
  abstract Value result();

  /** A count of rows ({@code countsNulls}) or of non-null values. */
  static final class Count extends Accumulator {
    private final boolean countsNulls;

    Count(boolean countsNulls) {
      this.countsNulls = countsNulls;
    }

    @Override
    long add(Value value) {
      if (countsNulls || !value.isNull()) {
        count++;
      }
      return 0;
    }

    @Override
    Value result() {
      return new Uint64Value(count);
    }
  }

  /**
   * An exact sum or average of integers and decimals. Integers that fit a {@code long} are summed
   * in one until it would overflow, so that the common case allocates nothing per row.
   */
  static final class ExactSum extends Accumulator {
    private final boolean average;
    private long small;
    private BigDecimal big = BigDecimal.ZERO;

    ExactSum(boolean average) {
      this.average = average;
    }

    @Override
    long add(Value value) {
      if (value.isNull()) {
        return 0;
      }
      count++;
      if (value instanceof DecimalValue decimal) {
        big = big.add(decimal.value());
        return 0;
      }
      IntegerValue integer = (IntegerValue) value;
      long x = integer.bits();
      if (!integer.isNegative() && x < 0) { // a Uint64 above 2^63 - 1
        big = big.add(new BigDecimal(integer.text()));
        return 0;
      }
      long sum = small + x;
      if (((small ^ sum) & (x ^ sum)) < 0) { // both operands' signs differ from the sum's
        big = big.add(BigDecimal.valueOf(small)).add(BigDecimal.valueOf(x));
        small = 0;
      } else {
        small = sum;
      }
      return 0;
    }

    @Override
    Value result() {
      if (count == 0) {
        return NullValue.INSTANCE;
      }
      BigDecimal sum = big.add(BigDecimal.valueOf(small));
      return canonical(
          average
              ? sum.divide(BigDecimal.valueOf(count), AVERAGE_SCALE, RoundingMode.HALF_EVEN)
              : sum);
    }

    /** The decimal without trailing zeros after the point, and without a point when whole. */
    static DecimalValue canonical(BigDecimal value) {
      // stripTrailingZeros of a zero with a scale is not 0 on every runtime: spell zero out.
      return new DecimalValue(value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros());
    }
  }

  /**
   * A sum or average of floats of either width, in binary64. The sum starts at {@code +0.0}, so it
   * is never {@code -0.0}.
   */
  static final class FloatSum extends Accumulator {
    private final boolean average;
    private double sum;

    FloatSum(boolean average) {
      this.average = average;
    }

    @Override
    long add(Value value) {
      if (value instanceof Float64Value f) {
        sum += f.value();
        count++;
      } else if (value instanceof Float32Value f) {
        sum += f.value();
        count++;
      }
      return 0;
    }

    @Override
    Value result() {
      if (count == 0) {
        return NullValue.INSTANCE;
      }
      return new Float64Value(average ? sum / count : sum);
    }
  }

  /** The smallest or largest value in the order of {@link Values#compare}. */
  static final class Extreme extends Accumulator {
    private final boolean largest;
    private Value best;

    Extreme(boolean largest) {
      this.largest = largest;
    }

    @Override
    long add(Value value) {
      if (value.isNull()) {
        return 0;
      }
      if (best != null) {
        int c = Values.compare(value, best);
        if (largest ? c <= 0 : c >= 0) {
          return 0;
        }
      }
      long delta = RowSize.approximate(value) - (best == null ? 0 : RowSize.approximate(best));
      best = value;
      return delta;
    }

    @Override
    Value result() {
      return best == null ? NullValue.INSTANCE : best;
    }
  }

  /** A fresh accumulator for {@code kind}; {@code exact} chooses decimal over float sums. */
  static Accumulator of(Kind kind, boolean countsNulls, boolean exact) {
    return switch (kind) {
      case COUNT -> new Count(countsNulls);
      case SUM, AVG -> exact ? new ExactSum(kind == Kind.AVG) : new FloatSum(kind == Kind.AVG);
      case MIN -> new Extreme(false);
      case MAX -> new Extreme(true);
    };
  }
}
