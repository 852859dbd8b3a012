package org.wasmdbms.testkit;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.ColumnValue;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.rules.Validators;
import org.wasmdbms.api.schema.ColumnDef;
import org.wasmdbms.api.schema.IndexDef;
import org.wasmdbms.api.schema.TableDef;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.Int32Value;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.engine.Database;
import org.wasmdbms.engine.TableSchema;
import org.wasmdbms.memory.HeapMemoryProvider;

/**
 * A CRUD and transaction scenario through {@link Database} on the heap provider: inserts with
 * sanitizers, defaults and autoincrement, filtered and ordered selects, updates, restrict and
 * cascade deletes, committed, rolled-back and failing transactions, and the typed errors of bad
 * input. Prints rows in the JSON wire form, so the output is comparable line by line.
 */
public final class EngineSmoke {
  private final PrintStream out;
  // No write limit: the JVM's default (a share of Runtime.maxMemory()) does not compile with TeaVM.
  private final Database db = Database.open(new HeapMemoryProvider(), Long.MAX_VALUE);

  private EngineSmoke(PrintStream out) {
    this.out = out;
  }

  /** Runs the scenario. */
  public static void run(PrintStream out) {
    new EngineSmoke(out).scenario();
  }

  private void scenario() {
    db.register(users());
    db.register(posts());
    for (int i = 0; i < 40; i++) {
      Row stored =
          db.insert("users", user("  user" + i + " ", "User" + i + "@Example.com", i % 5 * 10));
      if (i < 3) {
        print("inserted", stored);
      }
    }
    for (int i = 1; i <= 60; i++) {
      db.insert("posts", post(i, "post " + i, 1 + i % 7));
    }
    show(
        "age>=30 by name desc, 5 after 2",
        db.select(
            "users",
            Query.builder()
                .filter(new Filter.Ge("age", new Int32Value(30)))
                .orderBy("name", OrderDirection.DESCENDING)
                .limit(5)
                .offset(2)
                .build()));
    show(
        "id in (3, 7, 99)",
        db.select(
            "users",
            Query.builder()
                .filter(new Filter.In("id", List.of(new Uint32Value(3), new Uint32Value(7))))
                .build()));
    show(
        "name like user1_",
        db.select("users", Query.builder().filter(new Filter.Like("name", "user1_")).build()));
    out.println(
        "updated "
            + db.update(
                "users",
                Row.builder().set("age", new Int32Value(99)).build(),
                new Filter.Lt("id", new Uint32Value(4))));
    attempt("restrict delete", () -> db.delete("users", DeleteBehavior.RESTRICT, null));
    out.println("cascade deleted " + db.delete("users", DeleteBehavior.CASCADE, idIs(2)));
    long tx = db.begin();
    db.insert(tx, "users", user("inside", "inside@example.com", 1));
    out.println(
        "tx sees "
            + db.select(tx, "users", Query.ALL).size()
            + ", outside sees "
            + db.select("users", Query.ALL).size());
    db.commit(tx);
    long rolledBack = db.begin();
    db.delete(rolledBack, "posts", DeleteBehavior.RESTRICT, null);
    db.rollback(rolledBack);
    out.println("posts after rollback " + db.select("posts", Query.ALL).size());
    long failing = db.begin();
    db.insert(failing, "posts", post(1000, "late", 5));
    db.delete("users", DeleteBehavior.CASCADE, idIs(5));
    attempt("failing commit", () -> commit(failing));
    attempt("finished id", () -> commit(failing));
    attempt("unknown table", () -> db.select("nope", Query.ALL));
    attempt("unknown column", () -> db.insert("users", Row.builder().set("x", null).build()));
    attempt(
        "wrong type",
        () -> db.insert("posts", Row.builder().set("id", new TextValue("x")).build()));
    attempt("duplicate key", () -> db.insert("posts", post(3, "again", 1)));
    attempt("unique", () -> db.insert("users", user("dup", "user10@example.com", 1)));
    attempt("broken reference", () -> db.insert("posts", post(4000, "orphan", 777)));
    attempt("validation", () -> db.insert("users", user("x", "not-an-email", 1)));
    attempt("too long name", () -> db.insert("users", user("x".repeat(21), "a@b.cd", 1)));
    db.createIndex("users", new IndexDef("by_age_name", List.of("age", "name"), false));
    db.createIndex("users", new IndexDef("by_age", List.of("age"), false));
    Query ranged =
        Query.builder()
            .filter(new Filter.Gt("age", new Int32Value(10)))
            .orderBy("age", OrderDirection.DESCENDING)
            .limit(4)
            .build();
    out.println("plan: " + db.explain("users", ranged));
    show("indexed range", db.select("users", ranged));
    Query byAge = Query.builder().orderBy("age", OrderDirection.ASCENDING).limit(3).build();
    out.println("plan: " + db.explain("users", byAge));
    Query composite =
        Query.builder()
            .filter(
                new Filter.And(
                    List.of(
                        new Filter.Eq("age", new Int32Value(40)),
                        new Filter.Ge("name", new TextValue("user2")))))
            .build();
    out.println("plan: " + db.explain("users", composite));
    show("composite prefix", db.select("users", composite));
    db.dropIndex("users", "by_age_name");
    db.dropIndex("users", "by_age");
    out.println("plan after drop: " + db.explain("users", ranged));
    show(
        "final users by age, id",
        db.select(
            "users",
            Query.builder()
                .orderBy("age", OrderDirection.ASCENDING)
                .orderBy("id", OrderDirection.ASCENDING)
                .limit(6)
                .build()));
  }

  private Object commit(long tx) {
    db.commit(tx);
    return "committed";
  }

  private void attempt(String what, Supplier<Object> action) {
    try {
      out.println(what + " -> " + action.get());
    } catch (DbmsException e) {
      out.println(what + " -> " + e.kind().witName() + ": " + e.detail());
    }
  }

  private void show(String title, List<Row> rows) {
    out.println(title + ": " + rows.size() + " row(s)");
    for (Row row : rows) {
      print("  ", row);
    }
  }

  private void print(String prefix, Row row) {
    StringBuilder line = new StringBuilder(prefix).append(" {");
    for (ColumnValue column : row.columns()) {
      line.append(' ')
          .append(column.name())
          .append('=')
          .append(WireFormat.printValue(column.value()));
    }
    out.println(line.append(" }"));
  }

  private static Filter idIs(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  private static TableSchema users() {
    TableDef def =
        TableDef.builder("users")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey().autoIncrement())
            .column(ColumnDef.builder("name", DataType.TEXT))
            .column(ColumnDef.builder("email", DataType.TEXT).unique())
            .column(ColumnDef.builder("age", DataType.INT32).nullable())
            .column(ColumnDef.builder("role", DataType.TEXT).defaultValue(new TextValue("member")))
            .build();
    return TableSchema.builder(def)
        .sanitize("name", Sanitizers.trim())
        .validate("name", Validators.maxLength(20))
        .sanitize("email", Sanitizers.lowerCase())
        .validate("email", Validators.email())
        .build();
  }

  private static TableSchema posts() {
    return TableSchema.of(
        TableDef.builder("posts")
            .column(ColumnDef.builder("id", DataType.UINT32).primaryKey())
            .column(ColumnDef.builder("title", DataType.TEXT))
            .column(ColumnDef.builder("user", DataType.UINT32).references("users", "id"))
            .build());
  }

  private static Row user(String name, String email, int age) {
    return Row.builder()
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .set("age", new Int32Value(age))
        .build();
  }

  private static Row post(long id, String title, long user) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(title))
        .set("user", new Uint32Value(user))
        .build();
  }
}
