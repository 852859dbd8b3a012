package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.value.Uint32Value;

/** The host prints a filter once per filter object, and remembers at most 32 of them. */
class FilterTextsTest {
  @Test
  void aFilterObjectIsPrintedOnce() {
    FilterTexts texts = new FilterTexts();
    Filter byId = new Filter.Eq("id", new Uint32Value(7));
    String first = texts.text(byId);
    assertEquals(WireFormat.printFilter(byId), first);
    for (int i = 0; i < 100; i++) {
      assertSame(first, texts.text(byId));
    }
    assertEquals(1, texts.printed());
  }

  @Test
  void equalFiltersThatAreOtherObjectsArePrintedAgain() {
    FilterTexts texts = new FilterTexts();
    texts.text(new Filter.Eq("id", new Uint32Value(7)));
    assertEquals(
        "{\"Eq\":[\"id\",{\"Uint32\":7}]}", texts.text(new Filter.Eq("id", new Uint32Value(7))));
    assertEquals(2, texts.printed());
  }

  @Test
  void theOldestOfMoreThan32FiltersIsForgotten() {
    FilterTexts texts = new FilterTexts();
    Filter[] filters = new Filter[FilterTexts.CAPACITY + 1];
    for (int i = 0; i < filters.length; i++) {
      filters[i] = new Filter.Eq("id", new Uint32Value(i));
      texts.text(filters[i]);
    }
    assertEquals(33, texts.printed());
    texts.text(filters[FilterTexts.CAPACITY]);
    texts.text(filters[1]);
    assertEquals(33, texts.printed());
    assertEquals("{\"Eq\":[\"id\",{\"Uint32\":0}]}", texts.text(filters[0]));
    assertEquals(34, texts.printed());
  }
}
