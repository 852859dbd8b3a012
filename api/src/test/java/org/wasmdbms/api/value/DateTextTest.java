package org.wasmdbms.api.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.InvalidQueryException;

class DateTextTest {
  @Test
  void datesRoundTripThroughTheirCanonicalText() {
    for (DateValue date :
        new DateValue[] {
          new DateValue(1, 1, 1), new DateValue(2024, 2, 29), new DateValue(9999, 12, 31)
        }) {
      assertEquals(date, DateValue.parse(ValueText.display(date)));
    }
    assertEquals(new DateValue(2024, 6, 15), DateValue.parse("2024-06-15"));
  }

  @Test
  void dateTimesRoundTripThroughTheirCanonicalText() {
    for (DateTimeValue t :
        new DateTimeValue[] {
          new DateTimeValue(2024, 6, 15, 10, 30, 0, 0, 120),
          new DateTimeValue(1, 1, 1, 0, 0, 0, 0, -1439),
          new DateTimeValue(9999, 12, 31, 23, 59, 59, 999_999, 1439),
          new DateTimeValue(2000, 3, 1, 12, 0, 5, 42, -90)
        }) {
      assertEquals(t, DateTimeValue.parse(ValueText.display(t)));
    }
    assertEquals(
        new DateTimeValue(2024, 6, 15, 10, 30, 0, 123, -150),
        DateTimeValue.parse("2024-06-15T10:30:00.000123-02:30"));
  }

  @Test
  void malformedOrImpossibleTextIsRefused() {
    for (String text :
        new String[] {"", "2024-6-15", "2024/06/15", "2024-06-1x", "2023-02-29", "0000-01-01"}) {
      assertThrows(InvalidQueryException.class, () -> DateValue.parse(text), text);
    }
    for (String text :
        new String[] {
          "2024-06-15T10:30:00+02:00",
          "2024-06-15 10:30:00.000000+02:00",
          "2024-06-15T10:30:00.000000Z",
          "2024-06-15T24:00:00.000000+00:00",
          "2024-06-15T10:30:00.000000+24:00",
          "2024-06-15T10:30:00.000000*02:00"
        }) {
      assertThrows(InvalidQueryException.class, () -> DateTimeValue.parse(text), text);
    }
  }
}
