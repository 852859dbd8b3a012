package org.wasmdbms.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @RenamedFrom} and {@code @Transform}: what the generated schema declares, and the
 * declarations the processor refuses, reported on the field.
 */
class MigrationProcessorTest {
  private static final String LOWER =
      """
      package p;

      import org.wasmdbms.api.migration.ColumnTransform;
      import org.wasmdbms.api.value.*;

      public class Lower implements ColumnTransform {
        @Override
        public Value apply(Value value) {
          return new TextValue(((TextValue) value).value().toLowerCase());
        }
      }
      """;

  private static InMemoryCompiler.Result compile(String person) {
    return InMemoryCompiler.compile(
        Map.of(
            "p.Lower",
            LOWER,
            "p.Person",
            """
            package p;

            import org.wasmdbms.api.annotation.*;

            """
                + person));
  }

  @Test
  void theGeneratedSchemaDeclaresEarlierNamesAndTransforms() {
    InMemoryCompiler.Result result =
        compile(
            """
            @Table("people")
            record Person(
                @PrimaryKey int id,
                @RenamedFrom({"mail", "email_address"})
                @Transform(id = "lower-mail", with = Lower.class)
                @Transform(id = "lower-again", with = Lower.class)
                String email,
                @Default("7") int score) {}
            """);
    assertEquals(List.of(), result.errors());
    String table = result.generated().get("p.PersonTable");
    assertTrue(table.contains(".renamedFrom(Columns.email, \"mail\")"), table);
    assertTrue(table.contains(".renamedFrom(Columns.email, \"email_address\")"), table);
    assertTrue(table.contains(".transform(Columns.email, \"lower-mail\", new p.Lower())"), table);
    assertTrue(table.contains(".transform(Columns.email, \"lower-again\", new p.Lower())"), table);
  }

  private static void assertError(String person, String message, String line) {
    List<Diagnostic<? extends JavaFileObject>> errors = compile(person).errors();
    assertEquals(1, errors.size(), errors.toString());
    String text = errors.get(0).getMessage(null);
    assertTrue(text.contains(message), text);
    String source = "package p;\n\nimport org.wasmdbms.api.annotation.*;\n\n" + person;
    long expectedLine =
        1 + source.substring(0, source.indexOf(line)).chars().filter(c -> c == '\n').count();
    assertEquals(expectedLine, errors.get(0).getLineNumber(), text);
  }

  @Test
  void aRenameFromANameTheTableStillHasIsAnError() {
    assertError(
        """
        @Table("people")
        record Person(
            @PrimaryKey int id,
            String mail,
            @RenamedFrom("mail") String email) {}
        """,
        "@RenamedFrom(\"mail\") on column email: table people still has a column mail",
        "@RenamedFrom(\"mail\")");
  }

  @Test
  void twoColumnsClaimingOneEarlierNameIsAnError() {
    assertError(
        """
        @Table("people")
        record Person(
            @PrimaryKey int id,
            @RenamedFrom("mail") String email,
            @RenamedFrom("mail") String backup) {}
        """,
        "column email already claims that earlier name",
        "@RenamedFrom(\"mail\") String backup");
  }

  @Test
  void twoTransformsWithOneIdIsAnError() {
    assertError(
        """
        @Table("people")
        record Person(
            @PrimaryKey int id,
            @Transform(id = "lower", with = Lower.class) String email,
            @Transform(id = "lower", with = Lower.class) String name) {}
        """,
        "two transforms of table people have the id lower (on columns email and name)",
        "@Transform(id = \"lower\", with = Lower.class) String name");
  }

  @Test
  void aTransformIdMustBeAnIdentifier() {
    assertError(
        """
        @Table("people")
        record Person(
            @PrimaryKey int id,
            @Transform(id = "", with = Lower.class) String email) {}
        """,
        "invalid transform id",
        "@Transform(id = \"\"");
  }
}
