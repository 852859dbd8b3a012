package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.InvalidQueryException;
import org.wasmdbms.api.error.TableNotFoundException;
import org.wasmdbms.api.error.TransactionNotFoundException;
import org.wasmdbms.api.query.OrderKey;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.wit.AggregateFunction;
import org.wasmdbms.wit.WitQuery;

/**
 * The cases of the contract that only the guest can answer, because the JVM engine has no entry
 * point for them: the query features and the {@code aggregate} function the engine does not have
 * yet, which the guest refuses with {@code invalid-query} naming the feature. Every test only
 * reads, so one guest instance serves the whole class.
 */
class ContractHostOnlyTest {
  @TempDir static Path directory;
  private static DbmsHost host;
  private static DatabaseClient db;
  private static List<Row> users;

  @BeforeAll
  static void start() {
    host = DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory));
    db = host.client();
    db.insert(
        "users",
        Row.builder()
            .set("id", new Uint32Value(1))
            .set("name", new TextValue("Ada"))
            .set("email", new TextValue("ada@example.com"))
            .build());
    users = db.selectAll("users");
  }

  @AfterAll
  static void stop() {
    host.close();
  }

  private static WitQuery query(
      List<String> distinctBy,
      List<String> eagerRelations,
      List<String> joins,
      List<String> groupBy,
      String having) {
    return new WitQuery(
        null, distinctBy, eagerRelations, joins, groupBy, having, List.<OrderKey>of(), null, null);
  }

  private static <E extends DbmsException> E assertRefused(
      Class<E> type, String detailPart, Executable call) {
    E error = assertThrows(type, call);
    assertTrue(error.detail().contains(detailPart), error.detail());
    assertEquals(users, db.selectAll("users"), "a refused read changed the database");
    return error;
  }

  @Test
  void selectRefusesEveryQueryFeatureTheEngineLacksByName() {
    String join =
        "{\"join_type\":\"Inner\",\"table\":\"posts\",\"left_column\":\"users.id\","
            + "\"right_column\":\"user\"}";
    List<String> none = List.of();
    assertRefused(
        InvalidQueryException.class,
        "distinct-by",
        () -> db.select("users", query(List.of("name"), none, none, none, null)));
    assertRefused(
        InvalidQueryException.class,
        "eager-relations",
        () -> db.select("posts", query(none, List.of("user"), none, none, null)));
    assertRefused(
        InvalidQueryException.class,
        "joins",
        () -> db.select("users", query(none, none, List.of(join), none, null)));
    assertRefused(
        InvalidQueryException.class,
        "group-by",
        () -> db.select("users", query(none, none, none, List.of("name"), null)));
    assertRefused(
        InvalidQueryException.class,
        "having",
        () -> db.select("users", query(none, none, none, none, "{\"IsNull\":\"name\"}")));
  }

  @Test
  void aggregateIsRefusedByNameAfterTheTableFilterAndTransactionAreChecked() {
    List<AggregateFunction> count = List.of(AggregateFunction.countRows());
    assertRefused(
        InvalidQueryException.class, "aggregate", () -> db.aggregate("users", WitQuery.ALL, count));
    assertRefused(
        TableNotFoundException.class, "nope", () -> db.aggregate("nope", WitQuery.ALL, count));
    WitQuery malformed =
        new WitQuery(
            "{\"Eq\":[", List.of(), List.of(), List.of(), List.of(), null, List.of(), null, null);
    assertRefused(
        InvalidQueryException.class,
        "malformed JSON",
        () -> db.aggregate("users", malformed, count));
    assertRefused(
        TransactionNotFoundException.class,
        // The WIT case carries no detail.
        "",
        () ->
            host.call(
                (abi, generation) -> abi.aggregate("users", WitQuery.ALL, count, 987_654_321L)));
  }
}
