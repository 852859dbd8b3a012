package org.wasmdbms.api.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build-time check that the constants the guest compiles in are the code lists kept as data in
 * {@code api/codes/}: sorted, without duplicates, and equal line for line.
 */
class CodeListsTest {
  private static List<String> codes(String file) throws IOException {
    List<String> codes = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("codes", file))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        codes.add(line.strip());
      }
    }
    return codes;
  }

  private static void assertSameList(String file, String constant, int size) throws IOException {
    List<String> fromFile = codes(file);
    assertEquals(size, fromFile.size(), file);
    assertEquals(fromFile.stream().sorted().distinct().toList(), fromFile, file + " is sorted");
    assertEquals(String.join(" ", fromFile), constant, "CodeLists differs from codes/" + file);
  }

  @Test
  void iso639ConstantIsTheDataFile() throws IOException {
    assertSameList("iso-639-1.txt", CodeLists.ISO_639_1, 184);
  }

  @Test
  void iso3166ConstantIsTheDataFile() throws IOException {
    assertSameList("iso-3166-1-alpha-2.txt", CodeLists.ISO_3166_1_ALPHA_2, 249);
  }
}
