package org.wasmdbms.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Each compile-time error of the processor, with its message and its position: the line of the
 * offending element, marked {@code // HERE} in the test source.
 */
class ProcessorErrorTest {
  private static final String MARK = "// HERE";
  private static final String IMPORTS =
      """
      package p;

      import org.wasmdbms.api.annotation.*;
      import org.wasmdbms.api.value.*;

      """;

  /** Compiles one file {@code p.<name>} and returns its errors. */
  private static List<Diagnostic<? extends JavaFileObject>> errors(String name, String body) {
    return InMemoryCompiler.compile(Map.of("p." + name, IMPORTS + body)).errors();
  }

  /**
   * The 1-based line numbers of the lines holding {@link #MARK} in {@code body} (after IMPORTS).
   */
  private static List<Long> markedLines(String body) {
    String[] lines = (IMPORTS + body).split("\n", -1);
    List<Long> marked = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(MARK)) {
        marked.add((long) i + 1);
      }
    }
    return marked;
  }

  private static void assertOneError(String name, String body, String message) {
    List<Diagnostic<? extends JavaFileObject>> errors = errors(name, body);
    assertEquals(1, errors.size(), errors.toString());
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    String text = error.getMessage(null);
    assertTrue(text.contains(message), "expected \"" + message + "\" in: " + text);
    assertEquals(markedLines(body), List.of(error.getLineNumber()), text);
    assertTrue(error.getSource().getName().endsWith("p/" + name + ".java"), error.toString());
  }

  @Test
  void noPrimaryKey() {
    assertOneError(
        "T",
        """
        @Table("t") // HERE
        record T(int a, String b) {}
        """,
        "table t has no primary key");
  }

  @Test
  void twoPrimaryKeys() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int a,
            @PrimaryKey int b) {} // HERE
        """,
        "table t has two primary keys, a and b");
  }

  @Test
  void unsupportedFieldType() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            char initial) {} // HERE
        """,
        "unsupported field type char of initial");
  }

  @Test
  void unsupportedReferenceType() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            java.util.List<String> tags) {} // HERE
        """,
        "unsupported field type java.util.List<java.lang.String> of tags");
  }

  private static final String USERS =
      """
      @Table("users")
      record User(@PrimaryKey Uint32Value id, String email, @Unique String nick) {}

      """;

  @Test
  void foreignKeyToUnknownTable() {
    assertOneError(
        "User",
        USERS
            + """
            @Table("posts")
            record Post(
                @PrimaryKey int id,
                @ForeignKey(table = "people", column = "id") Uint32Value user) {} // HERE
            """,
        "foreign key user references unknown table people");
  }

  @Test
  void foreignKeyToUnknownColumn() {
    assertOneError(
        "User",
        USERS
            + """
            @Table("posts")
            record Post(
                @PrimaryKey int id,
                @ForeignKey(table = "users", column = "uid") Uint32Value user) {} // HERE
            """,
        "foreign key user references unknown column users.uid");
  }

  @Test
  void foreignKeyToColumnOfAnotherType() {
    assertOneError(
        "User",
        USERS
            + """
            @Table("posts")
            record Post(
                @PrimaryKey int id,
                @ForeignKey(table = "users", column = "id") long user) {} // HERE
            """,
        "foreign key user is Int64 but users.id is Uint32");
  }

  @Test
  void foreignKeyToColumnThatIsNotUnique() {
    assertOneError(
        "User",
        USERS
            + """
            @Table("posts")
            record Post(
                @PrimaryKey int id,
                @ForeignKey(table = "users", column = "email") String author) {} // HERE
            """,
        "references users.email, which is neither the primary key nor unique");
  }

  @Test
  void foreignKeyEntityOfAnotherTable() {
    assertOneError(
        "User",
        USERS
            + """
            @Table("posts")
            record Post(
                @PrimaryKey int id,
                @ForeignKey(table = "authors", column = "id", entity = User.class) // HERE
                Uint32Value user) {}
            """,
        "foreign key entity p.User is table users, not authors");
  }

  @Test
  void autoIncrementOnNonInteger() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey @AutoIncrement String id) {} // HERE
        """,
        "@AutoIncrement needs an integer column, but id is Text");
  }

  @Test
  void duplicateTableName() {
    assertOneError(
        "A",
        """
        @Table("things")
        record A(@PrimaryKey int id) {}

        @Table("things") // HERE
        record B(@PrimaryKey int id) {}
        """,
        "duplicate table name things, also declared by p.A");
  }

  @Test
  void duplicateColumnName() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            String name,
            @Column("name") String alias) {} // HERE
        """,
        "duplicate column name name in table t");
  }

  @Test
  void defaultThatDoesNotParse() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            @Default("twelve") int count) {} // HERE
        """,
        "bad default for column count: \"twelve\" is not a valid Int32");
  }

  @Test
  void defaultOutOfRange() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            @Default("300") Uint8Value level) {} // HERE
        """,
        "bad default for column level: \"300\" is not a valid Uint8: 300 is out of range");
  }

  @Test
  void defaultDateThatDoesNotExist() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            @Default("2023-02-29") DateValue day) {} // HERE
        """,
        "bad default for column day");
  }

  @Test
  void nullablePrimaryKey() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey Integer id) {} // HERE
        """,
        "primary key id cannot be nullable");
  }

  @Test
  void textRuleOnNumber() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            @Trim int count) {} // HERE
        """,
        "@Trim applies to text columns, but count is Int32");
  }

  @Test
  void reversedClampBounds() {
    assertOneError(
        "T",
        """
        @Table("t")
        record T(
            @PrimaryKey int id,
            @Clamp(min = "10", max = "1") int count) {} // HERE
        """,
        "@Clamp bounds of column count are reversed");
  }

  @Test
  void privateFieldWithoutGetter() {
    assertOneError(
        "T",
        """
        @Table("t")
        class T {
          @PrimaryKey final int id;
          private final String name; // HERE

          T(int id, String name) {
            this.id = id;
            this.name = name;
          }
        }
        """,
        "field name of type java.lang.String is private and has no getter");
  }

  @Test
  void classWithoutMatchingConstructor() {
    assertOneError(
        "T",
        """
        @Table("t")
        class T { // HERE
          @PrimaryKey int id;
          String name;
        }
        """,
        "needs a non-private constructor taking every column field in declaration order");
  }

  @Test
  void schemaListingAClassThatIsNoTable() {
    assertOneError(
        "S",
        """
        @DatabaseSchema({S.class}) // HERE
        interface S {}
        """,
        "@DatabaseSchema lists p.S, which is not a @Table class");
  }

  @Test
  void schemaMissingAReferencedTable() {
    assertOneError(
        "User",
        USERS
            + """
            @Table("posts")
            record Post(
                @PrimaryKey int id,
                @ForeignKey(table = "users", column = "id") Uint32Value user) {}

            @DatabaseSchema({Post.class}) // HERE
            interface S {}
            """,
        "table posts references table users, which the schema does not list");
  }

  @Test
  void schemaWithAForeignKeyCycle() {
    assertOneError(
        "A",
        """
        @Table("a")
        record A(@PrimaryKey int id, @ForeignKey(table = "b", column = "id") Integer b) {}

        @Table("b")
        record B(@PrimaryKey int id, @ForeignKey(table = "a", column = "id") Integer a) {}

        @DatabaseSchema({A.class, B.class}) // HERE
        interface S {}
        """,
        "the foreign keys of tables [a, b] form a cycle");
  }

  @Test
  void everyErrorOfOneCompilationIsReported() {
    String body =
        """
        @Table("users")
        record User(@PrimaryKey Uint32Value id, String name) {}

        @Table("t") // HERE
        record NoKey(int a) {}

        @Table("u")
        record Broken(
            @PrimaryKey int a,
            @PrimaryKey int b, // HERE
            char c, // HERE
            @AutoIncrement double d, // HERE
            @Default("x") long e, // HERE
            @ForeignKey(table = "nowhere", column = "id") int f, // HERE
            @ForeignKey(table = "users", column = "nope") int g, // HERE
            @ForeignKey(table = "users", column = "id") int h, // HERE
            @Column("a") int i) {} // HERE

        @Table("users") // HERE
        record Twin(@PrimaryKey int id) {}
        """;
    List<Diagnostic<? extends JavaFileObject>> errors = errors("User", body);
    List<Long> lines = new ArrayList<>();
    Map<Long, String> messages = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      lines.add(error.getLineNumber());
      messages.put(error.getLineNumber(), error.getMessage(null));
    }
    assertEquals(markedLines(body), lines.stream().sorted().toList(), messages.toString());
  }
}
