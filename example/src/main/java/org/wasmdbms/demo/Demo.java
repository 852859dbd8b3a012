package org.wasmdbms.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.JoinType;
import org.wasmdbms.api.query.OrderDirection;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.IntegerValue;
import org.wasmdbms.api.value.JsonValue;
import org.wasmdbms.api.value.NullValue;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.api.value.ValueText;
import org.wasmdbms.host.DatabaseClient;
import org.wasmdbms.host.DbmsHost;
import org.wasmdbms.host.HostOptions;
import org.wasmdbms.host.Transaction;
import org.wasmdbms.wit.WitQuery;

/**
 * The example program: the Java host loads the example guest (the engine compiled to WebAssembly),
 * gives it the directory {@value #DATA_DIRECTORY} and drives it through the {@code dbms.wit}
 * interface, step by step, printing every result. With {@code --keep} the database stays for the
 * next run, which first shows what persisted and then continues with fresh ids.
 */
public final class Demo {
  /** The directory the guest gets as its only preopened directory. */
  public static final String DATA_DIRECTORY = "example-data";

  private final PrintStream out;
  private final DatabaseClient db;

  private Demo(PrintStream out, DatabaseClient db) {
    this.out = out;
    this.db = db;
  }

  /**
   * Runs the demo in {@value #DATA_DIRECTORY} under the working directory.
   *
   * @param args {@code --keep} to keep the database afterwards
   */
  public static void main(String[] args) {
    boolean keep = List.of(args).contains("--keep");
    run(Path.of(DATA_DIRECTORY), keep, System.out);
  }

  /** Runs the demo with its database in {@code directory}, printing to {@code out}. */
  public static void run(Path directory, boolean keep, PrintStream out) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (DbmsHost host = DbmsHost.start(ExampleGuest.module(), withDirectory(directory))) {
      new Demo(out, host.client()).steps();
    }
    if (!keep) {
      deleteAll(directory);
      out.println("Removed the database files in " + directory);
    } else {
      out.println("Kept the database files in " + directory + " (--keep)");
    }
    out.println("=== Demo complete ===");
  }

  private static HostOptions withDirectory(Path directory) {
    return HostOptions.withDirectory(directory);
  }

  private void steps() {
    List<Row> persisted = users();
    if (!persisted.isEmpty()) {
      title("Users that persisted from an earlier run");
      print(persisted);
    }
    long first = nextId("users");
    long alice = first;
    long bob = first + 1;
    long charlie = first + 2;

    title("Insert Alice, Bob and Charlie, and two posts");
    print(db.insert("users", user(alice, "Alice", "alice@example.com")));
    print(db.insert("users", user(bob, "  Bob  ", "bob@example.com")));
    print(db.insert("users", user(charlie, "Charlie", "charlie@example.com")));
    long post = nextId("posts");
    print(
        db.insert(
            "posts",
            post(
                post,
                "Hello from Wasm",
                "The first post.",
                alice,
                "{\"tags\":[\"wasm\",\"java\"]}")));
    print(
        db.insert(
            "posts",
            post(post + 1, "Second thoughts", "Another one.", alice, "{\"tags\":[\"java\"]}")));

    title("Users ordered by id");
    print(users());

    String filter = "{\"Eq\":[\"user\",{\"Uint32\":" + alice + "}]}";
    title("Posts of user " + alice + " through the JSON filter " + filter);
    print(
        db.select(
            "posts",
            new WitQuery(
                filter, List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null)));

    title("Posts with their authors (an inner join; columns are named table.column)");
    Query withAuthors =
        Query.builder()
            .join(JoinType.INNER, "users", "posts.user", "id")
            .filter(new Filter.Ge("posts.id", new Uint32Value(post)))
            .build();
    for (Row row : db.select("posts", withAuthors)) {
      out.println(
          "  "
              + ValueText.display(row.get("posts.title"))
              + " by "
              + ValueText.display(row.get("users.name")));
    }

    title("Posts per user (an aggregate over a left join, grouped by user, most posts first)");
    Query perUser =
        Query.builder()
            .join(JoinType.LEFT, "posts", "users.id", "user")
            .filter(new Filter.Ge("users.id", new Uint32Value(first)))
            .groupBy("users.id", "users.name")
            .orderBy("agg0", OrderDirection.DESCENDING)
            .build();
    for (AggregatedRow group :
        db.aggregate("users", perUser, List.of(AggregateFunction.count("posts.id")))) {
      out.println(
          "  "
              + ValueText.display(group.groupKeys().get(1))
              + ": "
              + ValueText.display(group.values().get(0).value())
              + " posts");
    }

    String tagged = "{\"Json\":[\"metadata\",{\"Contains\":{\"tags\":[\"wasm\"]}}]}";
    title("Posts tagged wasm through the JSON filter " + tagged);
    print(db.select("posts", WitQuery.filtered(tagged)));

    long diana = charlie + 1;
    title("Commit a transaction that inserts Diana");
    try (Transaction tx = db.begin()) {
      tx.insert("users", user(diana, "Diana", "diana@example.com"));
      tx.commit();
    }
    print(db.select("users", Query.builder().filter(idIs(diana)).build()));

    long eve = diana + 1;
    title("Roll back a transaction that inserts Eve");
    try (Transaction tx = db.begin()) {
      tx.insert("users", user(eve, "Eve", "eve@example.com"));
      out.println(
          "  inside the transaction Eve is there: "
              + tx.select("users", Query.builder().filter(idIs(eve)).build()).size()
              + " row");
      tx.rollback();
    }
    out.println(
        "  after the rollback: "
            + db.select("users", Query.builder().filter(idIs(eve)).build()).size()
            + " rows for Eve");

    title("Update Bob's e-mail and delete Charlie");
    long updated =
        db.update(
            "users",
            Row.builder().set("email", new TextValue("robert@example.com")).build(),
            idIs(bob));
    out.println("  updated " + updated + " row");
    long deleted = db.delete("users", DeleteBehavior.RESTRICT, idIs(charlie));
    out.println("  deleted " + deleted + " row");

    title("A post for a user that does not exist");
    try {
      db.insert("posts", post(post + 2, "Orphan", "Nobody wrote this.", 9_999, null));
      out.println("  accepted?!");
    } catch (DbmsException e) {
      out.println(
          "  " + e.getClass().getSimpleName() + " (" + e.kind().witName() + "): " + e.detail());
    }

    title("Final users");
    print(users());
  }

  private List<Row> users() {
    return db.select("users", Query.builder().orderBy("id", OrderDirection.ASCENDING).build());
  }

  /** One more than the largest id of {@code table}, or 1 when it is empty. */
  private long nextId(String table) {
    List<Row> last =
        db.select(
            table,
            new WitQuery(
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(new OrderKey("id", OrderDirection.DESCENDING)),
                1L,
                null));
    return last.isEmpty() ? 1 : ((IntegerValue) last.get(0).get("id")).bits() + 1;
  }

  private static Filter idIs(long id) {
    return new Filter.Eq("id", new Uint32Value(id));
  }

  private static Row user(long id, String name, String email) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("name", new TextValue(name))
        .set("email", new TextValue(email))
        .build();
  }

  private static Row post(long id, String title, String content, long user, String metadata) {
    return Row.builder()
        .set("id", new Uint32Value(id))
        .set("title", new TextValue(title))
        .set("content", new TextValue(content))
        .set("user", new Uint32Value(user))
        .set("metadata", metadata == null ? NullValue.INSTANCE : new JsonValue(metadata))
        .build();
  }

  private void title(String text) {
    out.println();
    out.println("--- " + text);
  }

  private void print(Row row) {
    out.println("  " + row);
  }

  private void print(List<Row> rows) {
    for (Row row : rows) {
      print(row);
    }
  }

  private static void deleteAll(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
      Files.delete(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
