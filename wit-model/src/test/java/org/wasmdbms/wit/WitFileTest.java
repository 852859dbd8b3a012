package org.wasmdbms.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model is {@code wit/dbms.wit}: every type declaration, case order, field order and function
 * signature the file has, the model has, printed the same way, and nothing more. A WIT change the
 * model does not follow fails here, which the tests on modified copies of the file show.
 */
class WitFileTest {
  @TempDir Path temporary;

  private static String wit() throws IOException {
    return Files.readString(Path.of(System.getProperty("wit.file", "../wit/dbms.wit")));
  }

  /** Every way {@code wit} and the model differ, one line each; empty if they agree. */
  static List<String> differences(String wit) {
    WitFile file = WitFile.parse(wit);
    List<String> differences = new ArrayList<>();
    List<String> modelNames = new ArrayList<>();
    for (WitType type : DbmsTypes.ALL) {
      modelNames.add(type.name());
      String declared = file.types.get(type.name());
      if (!type.declaration().equals(declared)) {
        differences.add("WIT: " + declared + "\nmodel: " + type.declaration());
      }
    }
    if (!modelNames.equals(new ArrayList<>(file.types.keySet()))) {
      differences.add("types WIT: " + file.types.keySet() + "\ntypes model: " + modelNames);
    }
    List<String> modelFunctions = new ArrayList<>();
    for (DbmsFunction function : DbmsFunction.values()) {
      modelFunctions.add(function.declaration());
    }
    if (!modelFunctions.equals(file.functions)) {
      differences.add("functions WIT: " + file.functions + "\nfunctions model: " + modelFunctions);
    }
    return differences;
  }

  /** {@link #differences} of {@code wit} after writing it to a file and reading it back. */
  private List<String> differencesOfCopy(String wit) throws IOException {
    Path copy = Files.writeString(temporary.resolve("dbms.wit"), wit);
    List<String> differences = differences(Files.readString(copy));
    differences.forEach(System.out::println);
    return differences;
  }

  private static String swapLines(String text, String first, String second) {
    assertTrue(text.contains(first) && text.contains(second), first + " / " + second);
    return text.replace(first, "\u0000").replace(second, first).replace("\u0000", second);
  }

  @Test
  void theModelIsTheWitFile() throws IOException {
    assertEquals(List.of(), differences(wit()));
    Map<String, String> types = WitFile.parse(wit()).types;
    assertEquals(DbmsTypes.ALL.size(), types.size(), types.keySet().toString());
  }

  @Test
  void twoErrorCasesInAnotherOrderFailTheCheck() throws IOException {
    String swapped = swapLines(wit(), "    table-not-found(string),", "    primary-key-conflict,");
    List<String> differences = differencesOfCopy(swapped);
    assertEquals(1, differences.size());
    assertTrue(differences.get(0).startsWith("WIT: variant dbms-error { primary-key-conflict, "));
  }

  @Test
  void twoValueCasesInAnotherOrderFailTheCheck() throws IOException {
    List<String> differences =
        differencesOfCopy(swapLines(wit(), "    u16-val(u16),", "    u32-val(u32),"));
    assertEquals(1, differences.size());
    assertTrue(differences.get(0).contains("variant value { bool-val(bool), u8-val(u8), u32-val"));
  }

  @Test
  void anotherQueryFieldOrderOrFieldTypeFailsTheCheck() throws IOException {
    List<String> differences =
        differencesOfCopy(
            swapLines(wit(), "    limit: option<u64>,", "    order-by: list<order-key>,"));
    assertEquals(1, differences.size());
    assertTrue(differences.get(0).contains("record query"));
    differences = differencesOfCopy(wit().replace("offset: option<u64>", "offset: option<u32>"));
    assertEquals(1, differences.size());
  }

  @Test
  void aChangedFunctionFailsTheCheck() throws IOException {
    String added =
        wit().replace("  /// Discards the transaction.", "  has-drift: func() -> bool;\n");
    List<String> differences = differencesOfCopy(added);
    assertEquals(1, differences.size());
    assertTrue(differences.get(0).contains("has-drift: func() -> bool"), differences.get(0));
  }

  @Test
  void isolationCasesInAnotherOrderOrAnotherBeginSignatureFailTheCheck() throws IOException {
    List<String> differences =
        differencesOfCopy(swapLines(wit(), "    read-committed,", "    snapshot,"));
    assertEquals(1, differences.size());
    assertTrue(
        differences.get(0).startsWith("WIT: enum isolation { snapshot, read-committed }"),
        differences.get(0));
    differences =
        differencesOfCopy(
            wit().replace("func(isolation: isolation) ->", "func(isolation: delete-behavior) ->"));
    assertEquals(1, differences.size());
    assertTrue(
        differences.get(0).contains("begin-transaction-isolated: func(isolation: delete-behavior)"),
        differences.get(0));
  }

  @Test
  void theJavaQueryRecordHasTheWitFieldsInOrder() {
    List<String> components = new ArrayList<>();
    for (RecordComponent component : WitQuery.class.getRecordComponents()) {
      components.add(component.getName());
    }
    List<String> fields = new ArrayList<>();
    for (WitType.Part field : DbmsTypes.QUERY.parts()) {
      fields.add(camelCase(field.name()));
    }
    assertEquals(fields, components);
  }

  private static String camelCase(String kebab) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : kebab.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
