package org.wasmdbms.engine.query;

import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;
import org.wasmdbms.engine.data.IndexInfo;
import org.wasmdbms.engine.data.KeyRange;
import org.wasmdbms.engine.data.TableData;

/**
 * Chooses the {@link AccessPath} of a query from the table's indexes.
 *
 * <ol>
 *   <li>An {@code Eq} or {@code In} on the primary key, then on a unique column, is a point lookup.
 *   <li>Otherwise every index is matched against the top-level conjuncts of the filter: {@code Eq}
 *       on a prefix of its columns, then {@code Gt}/{@code Ge}/{@code Lt}/{@code Le} (the tightest
 *       of each side) or, on the first column only, {@code In}, on the next one. Among the usable
 *       indexes the one whose ranges hold the fewest entries wins, counted in the tree up to {@link
 *       #ESTIMATE_CAP} (more equality columns break ties).
 *   <li>With an ORDER BY that an index delivers (its columns in order, one direction; ties come in
 *       ascending primary-key order, so a trailing ascending primary-key key is allowed) and a
 *       LIMIT, that index is read in order and the read stops early, unless a filter index holds
 *       fewer than {@link #ESTIMATE_CAP} entries (a lone filter index is counted too). A filter
 *       index read that yields the requested order is marked ordered, so it also stops early;
 *       without ORDER BY, the requested order is the primary key's.
 *   <li>Otherwise a full scan.
 * </ol>
 *
 * The filter is applied to every row a path yields, so bounds only need to hold every match.
 */
public final class Planner {
  /** Estimates count index entries up to this many; a larger range counts as this. */
  public static final long ESTIMATE_CAP = 256;

  /** Every value encoding starts with a marker byte 0x00 (null) or 0x01; 0x02 sorts after both. */
  private static final byte PAST_PREFIX = 0x02;

  private static final byte NOT_NULL_MARKER = 0x01;

  private Planner() {}

  /**
   * The path for a query.
   *
   * @param filter the bound filter
   * @param orderBy the ORDER BY keys (empty for none)
   * @param limited whether the query has a LIMIT
   * @param data the table as the reader sees it
   */
  public static AccessPath plan(
      BoundFilter filter, List<OrderKey> orderBy, boolean limited, TableData data) {
    TableDef table = data.schema().definition();
    List<BoundFilter> conjuncts =
        filter instanceof BoundFilter.And and ? and.operands() : List.of(filter);
    AccessPath lookup = pointLookup(conjuncts, table);
    if (lookup != null) {
      return lookup;
    }
    OrderMatch order = orderMatch(orderBy, table);
    IndexInfo deliveringIndex = order == null ? null : orderIndex(order, data);
    IndexInfo orderIndex = limited ? deliveringIndex : null;
    Candidate best = null;
    long bestCount = Long.MAX_VALUE;
    List<Candidate> candidates = new ArrayList<>();
    for (IndexInfo index : data.indexes()) {
      Candidate candidate = match(index, conjuncts, table);
      if (candidate != null) {
        candidates.add(candidate);
      }
    }
    // A lone candidate needs no estimate unless it competes with reading the order index; when it
    // is the order index itself, it wins anyway and counting its range would read it past LIMIT.
    boolean compare =
        candidates.size() > 1
            || (orderIndex != null
                && !(candidates.size() == 1 && candidates.get(0).index.equals(orderIndex)));
    for (Candidate candidate : candidates) {
      long count = compare ? estimate(candidate, data) : 0;
      if (best == null
          || count < bestCount
          || (count == bestCount && better(candidate, best, deliveringIndex))) {
        best = candidate;
        bestCount = count;
      }
    }
    if (best != null
        && (orderIndex == null || best.index.equals(orderIndex) || bestCount < ESTIMATE_CAP)) {
      boolean ordered =
          best.ranges.size() == 1 && deliversOrder(best.index, orderBy.isEmpty(), order, data);
      boolean descending = ordered && order != null && order.descending;
      return new AccessPath.IndexScan(best.index, best.ranges, descending, ordered, best.bounds);
    }
    if (orderIndex != null) {
      return new AccessPath.IndexScan(
          orderIndex, List.of(KeyRange.ALL), order.descending, true, List.of());
    }
    return new AccessPath.FullScan();
  }

  /** On equal estimates: the index that also delivers the order, then more equality columns. */
  private static boolean better(Candidate candidate, Candidate best, IndexInfo orderIndex) {
    boolean candidateOrders = candidate.index.equals(orderIndex);
    boolean bestOrders = best.index.equals(orderIndex);
    if (candidateOrders != bestOrders) {
      return candidateOrders;
    }
    return candidate.equalities > best.equalities;
  }

  /**
   * Whether reading {@code index} yields the requested order: {@code order}, or with no ORDER BY
   * ({@code unordered}) the primary key's, which the primary-key index yields.
   */
  private static boolean deliversOrder(
      IndexInfo index, boolean unordered, OrderMatch order, TableData data) {
    if (unordered) {
      return index.kind() == IndexInfo.Kind.PRIMARY_KEY;
    }
    return order != null && index.equals(orderIndex(order, data));
  }

  private static long estimate(Candidate candidate, TableData data) {
    long total = 0;
    for (KeyRange range : candidate.ranges) {
      total += data.countIndex(candidate.index, range, ESTIMATE_CAP - total);
      if (total >= ESTIMATE_CAP) {
        return ESTIMATE_CAP;
      }
    }
    return total;
  }

  /** A primary-key lookup, else a unique-column lookup, else null. */
  private static AccessPath pointLookup(List<BoundFilter> conjuncts, TableDef table) {
    AccessPath unique = null;
    for (BoundFilter conjunct : conjuncts) {
      int column = pointColumn(conjunct);
      if (column < 0) {
        continue;
      }
      if (table.columns().get(column).primaryKey()) {
        return new AccessPath.KeyLookup(column, true, AccessPath.pointValues(conjunct));
      }
      if (table.columns().get(column).unique() && unique == null) {
        unique = new AccessPath.KeyLookup(column, false, AccessPath.pointValues(conjunct));
      }
    }
    return unique;
  }

  private static int pointColumn(BoundFilter filter) {
    if (filter instanceof BoundFilter.Compare c && c.op() == BoundFilter.Op.EQ) {
      return c.column();
    }
    // An In that matches null is no point filter: nulls are not in the unique trees.
    return filter instanceof BoundFilter.In in && !in.matchesNull() ? in.column() : -1;
  }

  /** How an index can serve the filter. */
  private record Candidate(
      IndexInfo index, List<KeyRange> ranges, int equalities, List<AccessPath.Condition> bounds) {}

  private static Candidate match(IndexInfo index, List<BoundFilter> conjuncts, TableDef table) {
    List<Value> prefix = new ArrayList<>();
    List<AccessPath.Condition> bounds = new ArrayList<>();
    for (int column : index.columns()) {
      Value equal = equality(conjuncts, column);
      if (equal == null) {
        break;
      }
      prefix.add(equal);
      condition(bounds, table, column, "=", equal);
    }
    int equalities = prefix.size();
    byte[] prefixKey = KeyEncoding.encode(prefix);
    if (equalities == index.columns().size()) {
      return new Candidate(
          index, List.of(new KeyRange(prefixKey, true, prefixKey, true)), equalities, bounds);
    }
    int next = index.columns().get(equalities);
    if (equalities == 0) {
      BoundFilter.In in = inList(conjuncts, next);
      if (in != null) {
        List<KeyRange> ranges = new ArrayList<>();
        for (Value value : AccessPath.pointValues(in)) {
          byte[] key = KeyEncoding.encode(value);
          ranges.add(new KeyRange(key, true, past(key), false));
        }
        String name = table.columns().get(next).name();
        bounds.add(new AccessPath.Condition(name, AccessPath.Condition.IN, in.values()));
        return new Candidate(index, ranges, 0, bounds);
      }
    }
    KeyRange range = range(conjuncts, next, prefixKey, bounds, table);
    if (range == null) {
      if (equalities == 0) {
        return null;
      }
      range = new KeyRange(prefixKey, true, past(prefixKey), false);
    }
    return new Candidate(index, List.of(range), equalities, bounds);
  }

  private static Value equality(List<BoundFilter> conjuncts, int column) {
    for (BoundFilter conjunct : conjuncts) {
      if (conjunct instanceof BoundFilter.Compare c
          && c.op() == BoundFilter.Op.EQ
          && c.column() == column) {
        return c.value();
      }
    }
    return null;
  }

  private static BoundFilter.In inList(List<BoundFilter> conjuncts, int column) {
    for (BoundFilter conjunct : conjuncts) {
      if (conjunct instanceof BoundFilter.In in && in.column() == column && !in.matchesNull()) {
        return in;
      }
    }
    return null;
  }

  /**
   * The key range of the tightest ordering comparisons on {@code column} after {@code prefixKey},
   * or null when there is none. Ranges never hold nulls: comparisons never match them.
   */
  private static KeyRange range(
      List<BoundFilter> conjuncts,
      int column,
      byte[] prefixKey,
      List<AccessPath.Condition> bounds,
      TableDef table) {
    BoundFilter.Compare lower = null;
    BoundFilter.Compare upper = null;
    for (BoundFilter conjunct : conjuncts) {
      if (!(conjunct instanceof BoundFilter.Compare c) || c.column() != column) {
        continue;
      }
      switch (c.op()) {
        case GT, GE -> lower = tighter(lower, c, 1);
        case LT, LE -> upper = tighter(upper, c, -1);
        default -> {}
      }
    }
    if (lower == null && upper == null) {
      return null;
    }
    byte[] from = concat(prefixKey, new byte[] {NOT_NULL_MARKER});
    boolean fromInclusive = true;
    if (lower != null) {
      byte[] key = concat(prefixKey, KeyEncoding.encode(lower.value()));
      from = lower.op() == BoundFilter.Op.GE ? key : past(key);
      condition(bounds, table, column, lower.op() == BoundFilter.Op.GE ? ">=" : ">", lower.value());
    }
    byte[] to = prefixKey.length == 0 ? null : past(prefixKey);
    if (upper != null) {
      byte[] key = concat(prefixKey, KeyEncoding.encode(upper.value()));
      to = upper.op() == BoundFilter.Op.LT ? key : past(key);
      condition(bounds, table, column, upper.op() == BoundFilter.Op.LT ? "<" : "<=", upper.value());
    }
    return new KeyRange(from, fromInclusive, to, false);
  }

  /** The stricter of two comparisons on one side; {@code side} is 1 for lower, -1 for upper. */
  private static BoundFilter.Compare tighter(
      BoundFilter.Compare current, BoundFilter.Compare candidate, int side) {
    if (current == null) {
      return candidate;
    }
    int c = Values.compare(candidate.value(), current.value()) * side;
    if (c > 0) {
      return candidate;
    }
    boolean candidateStrict =
        candidate.op() == BoundFilter.Op.GT || candidate.op() == BoundFilter.Op.LT;
    return c == 0 && candidateStrict ? candidate : current;
  }

  /** A key just after every key that starts with {@code prefix}. */
  static byte[] past(byte[] prefix) {
    return concat(prefix, new byte[] {PAST_PREFIX});
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static void condition(
      List<AccessPath.Condition> bounds, TableDef table, int column, String op, Value value) {
    bounds.add(new AccessPath.Condition(table.columns().get(column).name(), op, List.of(value)));
  }

  /** The columns and direction an ORDER BY asks of an index, or null if none can deliver it. */
  private record OrderMatch(List<Integer> columns, boolean descending) {}

  private static OrderMatch orderMatch(List<OrderKey> orderBy, TableDef table) {
    List<OrderKey> keys = new ArrayList<>(orderBy);
    int pk = table.primaryKeyIndex();
    String pkName = table.columns().get(pk).name();
    if (keys.size() > 1) {
      OrderKey last = keys.get(keys.size() - 1);
      if (last.column().equals(pkName) && last.direction() == OrderDirection.ASCENDING) {
        keys.remove(keys.size() - 1); // ties already come in ascending primary-key order
      }
    }
    if (keys.isEmpty()) {
      return null;
    }
    OrderDirection direction = keys.get(0).direction();
    List<Integer> columns = new ArrayList<>();
    for (OrderKey key : keys) {
      if (key.direction() != direction) {
        return null;
      }
      columns.add(table.columnIndex(key.column()));
    }
    return new OrderMatch(columns, direction == OrderDirection.DESCENDING);
  }

  /** An index holding every row whose columns are exactly the ordering's, or null. */
  private static IndexInfo orderIndex(OrderMatch order, TableData data) {
    for (IndexInfo index : data.indexes()) {
      if (index.holdsNulls() && index.columns().equals(order.columns())) {
        return index;
      }
    }
    return null;
  }
}
