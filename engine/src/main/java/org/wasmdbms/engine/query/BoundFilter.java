package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.UnknownColumnException;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JsonMatcher;
import org.wasmdbms.api.query.LikePattern;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * A {@link Filter} checked against one table and ready to evaluate on rows: column names are
 * resolved to indexes, value types are checked, and LIKE patterns are compiled.
 *
 * <p>Null semantics follow the design (two-valued logic): {@code Eq(c, Null)} is {@code IsNull},
 * {@code Ne(c, Null)} is {@code NotNull}; {@code Eq} on a null column is false and {@code Ne} on a
 * null column is true; ordering comparisons and LIKE with a null on either side are false; {@code
 * In} matches a null column only if its list holds null; {@code Not} negates.
 *
 * <p>Binding fails with {@link UnknownColumnException} for a column the table lacks and with {@link
 * InvalidQueryException} for a value whose type cannot be compared with the column's (any integer
 * compares with any integer column; floats of both widths with float columns), a LIKE on a column
 * that is not text, or a JSON filter on a column that is not Json.
 */
public sealed interface BoundFilter {
  /** Whether the row matches. */
  boolean matches(Value[] row);

  /**
   * Binds {@code filter} to {@code table}.
   *
   * @return the bound filter; a null {@code filter} binds to one that matches every row
   */
  static BoundFilter bind(Filter filter, TableDef table) {
    return bind(filter, ColumnScope.of(table));
  }

  /**
   * Binds {@code filter} to the columns of {@code table}, names resolved as {@link ColumnScope}
   * says.
   *
   * @return the bound filter; a null {@code filter} binds to one that matches every row
   */
  static BoundFilter bind(Filter filter, ColumnScope table) {
    if (filter == null) {
      return new Constant(true);
    }
    if (filter instanceof Filter.Comparison comparison) {
      return bindComparison(comparison, table);
    }
    if (filter instanceof Filter.In in) {
      return bindIn(in, table);
    }
    if (filter instanceof Filter.Like like) {
      return bindLike(like, table);
    }
    if (filter instanceof Filter.IsNull isNull) {
      return new IsNull(table.require(isNull.column()));
    }
    if (filter instanceof Filter.NotNull notNull) {
      return new Not(new IsNull(table.require(notNull.column())));
    }
    if (filter instanceof Filter.Json json) {
      return bindJson(json, table);
    }
    if (filter instanceof Filter.And and) {
      return new And(bindAll(and.operands(), table));
    }
    if (filter instanceof Filter.Or or) {
      return new Or(bindAll(or.operands(), table));
    }
    return new Not(bind(((Filter.Not) filter).operand(), table));
  }

  private static List<BoundFilter> bindAll(List<Filter> filters, ColumnScope table) {
    List<BoundFilter> bound = new ArrayList<>(filters.size());
    for (Filter filter : filters) {
      bound.add(bind(filter, table));
    }
    return bound;
  }

  private static void checkComparable(ColumnScope table, int column, Value value) {
    if (value.isNull()) {
      return;
    }
    ColumnDef def = table.column(column);
    if (!Values.comparable(def.type(), value.type())) {
      throw new InvalidQueryException(
          "column "
              + def.name()
              + " is "
              + def.type().wireName()
              + " and cannot be compared with a "
              + value.type().wireName()
              + " value");
    }
  }

  private static BoundFilter bindComparison(Filter.Comparison comparison, ColumnScope table) {
    int column = table.require(comparison.column());
    Value value = comparison.value();
    checkComparable(table, column, value);
    Op op = Op.of(comparison);
    if (value.isNull()) {
      // Not a switch: TeaVM compiles one on an enum to a lookup table of its own, and the code
      // this method adds to its caller keeps that under the host JIT's limit (8,000 bytes).
      if (op == Op.EQ) {
        return new IsNull(column);
      }
      return op == Op.NE ? new Not(new IsNull(column)) : new Constant(false);
    }
    return new Compare(op, column, value);
  }

  private static BoundFilter bindIn(Filter.In in, ColumnScope table) {
    int column = table.require(in.column());
    boolean matchesNull = false;
    List<Value> values = new ArrayList<>();
    for (Value value : in.values()) {
      checkComparable(table, column, value);
      if (value.isNull()) {
        matchesNull = true;
      } else {
        values.add(value);
      }
    }
    return new In(column, values, matchesNull);
  }

  private static BoundFilter bindLike(Filter.Like like, ColumnScope table) {
    int column = typedColumn(table, like.column(), DataType.TEXT, "LIKE needs a Text or Json");
    return new Like(column, LikePattern.compile(like.pattern()));
  }

  private static BoundFilter bindJson(Filter.Json json, ColumnScope table) {
    int column = typedColumn(table, json.column(), DataType.JSON, "JSON filters need a Json");
    return new Json(column, JsonMatcher.compile(json.operation()));
  }

  /**
   * The column {@code name}, which must be of type {@code type} or Json.
   *
   * @throws InvalidQueryException saying "{@code need} column; ..." otherwise
   */
  private static int typedColumn(ColumnScope table, String name, DataType type, String need) {
    int column = table.require(name);
    DataType actual = table.column(column).type();
    if (actual != type && actual != DataType.JSON) {
      throw new InvalidQueryException(need + " column; " + name + " is " + actual.wireName());
    }
    return column;
  }

  /** The comparison operators. */
  enum Op {
    EQ,
    NE,
    GT,
    GE,
    LT,
    LE;

    /** The operator of {@code comparison}. */
    static Op of(Filter.Comparison comparison) {
      if (comparison instanceof Filter.Eq) {
        return EQ;
      }
      if (comparison instanceof Filter.Ne) {
        return NE;
      }
      if (comparison instanceof Filter.Gt) {
        return GT;
      }
      if (comparison instanceof Filter.Ge) {
        return GE;
      }
      return comparison instanceof Filter.Lt ? LT : LE;
    }
  }

  /**
   * The columns {@code filter} reads, one flag per column of rows {@code width} wide, or null when
   * it reads none (a constant): what a scan decodes to evaluate it.
   */
  static boolean[] columnsRead(BoundFilter filter, int width) {
    boolean[] read = new boolean[width];
    return mark(filter, read) ? read : null;
  }

  /** Marks the columns {@code filter} reads; whether it reads any. */
  private static boolean mark(BoundFilter filter, boolean[] read) {
    int column;
    if (filter instanceof Compare c) {
      column = c.column();
    } else if (filter instanceof In in) {
      column = in.column();
    } else if (filter instanceof Like like) {
      column = like.column();
    } else if (filter instanceof Json json) {
      column = json.column();
    } else if (filter instanceof IsNull isNull) {
      column = isNull.column();
    } else if (filter instanceof Not not) {
      return mark(not.operand(), read);
    } else if (filter instanceof Constant) {
      return false;
    } else {
      boolean any = false;
      for (BoundFilter operand :
          filter instanceof And and ? and.operands() : ((Or) filter).operands()) {
        any |= mark(operand, read);
      }
      return any;
    }
    read[column] = true;
    return true;
  }

  /** A filter whose answer does not depend on the row. */
  record Constant(boolean value) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      return value;
    }
  }

  /** {@code column op value} with a non-null value. */
  record Compare(Op op, int column, Value value) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      Value actual = row[column];
      if (actual.isNull()) {
        return op == Op.NE;
      }
      int c = Values.compare(actual, value);
      return switch (op) {
        case EQ -> c == 0;
        case NE -> c != 0;
        case GT -> c > 0;
        case GE -> c >= 0;
        case LT -> c < 0;
        case LE -> c <= 0;
      };
    }
  }

  /** Membership in a list of non-null values, plus null when the list held it. */
  record In(int column, List<Value> values, boolean matchesNull) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      Value actual = row[column];
      if (actual.isNull()) {
        return matchesNull;
      }
      for (Value value : values) {
        if (Values.compare(actual, value) == 0) {
          return true;
        }
      }
      return false;
    }
  }

  /** A LIKE pattern on a text column. */
  record Like(int column, LikePattern pattern) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      Value actual = row[column];
      if (actual instanceof TextValue text) {
        return pattern.matches(text.value());
      }
      return actual instanceof JsonValue json && pattern.matches(json.text());
    }
  }

  /** A {@link JsonMatcher} on a Json column; a null column is a missing document. */
  record Json(int column, JsonMatcher matcher) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      return matcher.matches(row[column] instanceof JsonValue json ? json.text() : null);
    }
  }

  /** The column is null. */
  record IsNull(int column) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      return row[column].isNull();
    }
  }

  /** Every operand matches. */
  record And(List<BoundFilter> operands) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      for (BoundFilter operand : operands) {
        if (!operand.matches(row)) {
          return false;
        }
      }
      return true;
    }
  }

  /** At least one operand matches. */
  record Or(List<BoundFilter> operands) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      for (BoundFilter operand : operands) {
        if (operand.matches(row)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The operand does not match. */
  record Not(BoundFilter operand) implements BoundFilter {
    @Override
    public boolean matches(Value[] row) {
      return !operand.matches(row);
    }
  }
}
