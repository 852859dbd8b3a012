package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.util.List;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.AggregatedValue;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DecimalValue;
import org.wasmdbms.api.value.Float64Value;
import org.wasmdbms.api.value.Int64Value;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.Uint64Value;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * An aggregate scenario through {@link Database} on the heap provider: groups with a null group,
 * every function, exact decimal averages rounded at the 20th digit, float sums, sums past 64 bits,
 * having filters comparing float sums with decimals exactly, ordering, windows and typed errors.
 * Prints values in the JSON wire form, so the output is comparable line by line.
 */
public final class AggregateSmoke {
  private final PrintStream out;
  private final Database db = Database.open(new HeapMemoryProvider(), Long.MAX_VALUE);

  private AggregateSmoke(PrintStream out) {
    this.out = out;
  }

  /** Runs the scenario. */
  public static void run(PrintStream out) {
    new AggregateSmoke(out).scenario();
  }

  private void scenario() {
    db.register(
        TableSchema.of(
            TableDef.builder("sales")
                .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
                .column(ColumnDef.builder("region", DataType.TEXT).nullable())
                .column(ColumnDef.builder("units", DataType.INT64).nullable())
                .column(ColumnDef.builder("big", DataType.UINT64).nullable())
                .column(ColumnDef.builder("price", DataType.DECIMAL).nullable())
                .column(ColumnDef.builder("weight", DataType.FLOAT64).nullable())
                .build()));
    String[] regions = {"north", "south", "east", null};
    for (int i = 0; i < 30; i++) {
      String region = regions[i % regions.length];
      db.insert(
          "sales",
          Row.builder()
              .set("id", new Uint32Value(i))
              .set("region", region == null ? NullValue.INSTANCE : new TextValue(region))
              .set("units", i % 5 == 0 ? NullValue.INSTANCE : new Int64Value(i * 7 - 40))
              .set("big", new Uint64Value(-1 - i))
              .set("price", DecimalValue.parse(i + "." + (i % 3) + "0"))
              .set("weight", new Float64Value(i / 10.0))
              .build());
    }
    List<AggregateFunction> all =
        List.of(
            AggregateFunction.countRows(),
            AggregateFunction.count("units"),
            AggregateFunction.sum("units"),
            AggregateFunction.avg("units"),
            AggregateFunction.sum("big"),
            AggregateFunction.avg("price"),
            AggregateFunction.sum("weight"),
            AggregateFunction.avg("weight"),
            AggregateFunction.min("region"),
            AggregateFunction.max("price"));
    show("everything", Query.ALL, all);
    show("by region", Query.builder().groupBy("region").build(), all);
    show(
        "having sum(weight) > 10.5, by avg(price) desc",
        Query.builder()
            .groupBy("region")
            .having(new Filter.Gt("agg0", DecimalValue.parse("10.5")))
            .orderBy("agg1", OrderDirection.DESCENDING)
            .build(),
        List.of(AggregateFunction.sum("weight"), AggregateFunction.avg("price")));
    show(
        "units >= 0, by region, second group only",
        Query.builder()
            .filter(new Filter.Ge("units", new Int64Value(0)))
            .groupBy("region")
            .offset(1)
            .limit(1)
            .build(),
        List.of(AggregateFunction.avg("units")));
    show(
        "no rows",
        Query.builder().filter(new Filter.IsNull("id")).build(),
        List.of(AggregateFunction.countRows(), AggregateFunction.max("weight")));
    show("sum of text", Query.ALL, List.of(AggregateFunction.sum("region")));
    show(
        "having on a column not grouped",
        Query.builder().groupBy("region").having(new Filter.IsNull("units")).build(),
        all);
    show("unknown column", Query.ALL, List.of(AggregateFunction.min("nope")));
  }

  private void show(String title, Query query, List<AggregateFunction> functions) {
    List<AggregatedRow> rows;
    try {
      rows = db.aggregate("sales", query, functions);
    } catch (DbmsException e) {
      out.println(title + " -> " + e.kind().witName() + ": " + e.detail());
      return;
    }
    out.println(title + ": " + rows.size() + " group(s)");
    for (AggregatedRow row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (Value key : row.groupKeys()) {
        line.append(WireFormat.printValue(key)).append(' ');
      }
      line.append('|');
      for (AggregatedValue value : row.values()) {
        line.append(' ')
            .append(value.kind().name())
            .append('=')
            .append(WireFormat.printValue(value.value()));
      }
      out.println(line);
    }
  }
}
