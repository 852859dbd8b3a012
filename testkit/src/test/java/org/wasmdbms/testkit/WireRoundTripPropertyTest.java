package org.wasmdbms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasmdbms.api.json.WireFormat;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Join;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.KeyEncoding;
import org.wasmdbms.api.value.RowCodec;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.ValueCodec;
import org.wasmdbms.api.value.Values;

/** Random values, filters and joins survive print, parse and print again unchanged. */
class WireRoundTripPropertyTest {
  private static long seed() {
    long seed = Long.getLong("seed", System.currentTimeMillis());
    System.out.println("seed=" + seed);
    return seed;
  }

  @Test
  void valuesRoundTripThroughJsonStorageAndKeys() {
    long seed = seed();
    RandomValues values = new RandomValues(new SplitMix64(seed));
    for (int i = 0; i < 20_000; i++) {
      DataType type = values.type();
      Value v = values.value(type);
      String json = WireFormat.printValue(v);
      Value back = WireFormat.parseValue(json);
      String context = "seed=" + seed + " iteration=" + i + " json=" + json;
      assertEquals(v, back, context);
      assertEquals(0, Values.compare(v, back), context);
      assertEquals(json, WireFormat.printValue(back), context);
      assertEquals(v, ValueCodec.decode(type, ValueCodec.encode(type, v)), context);
      assertEquals(0, KeyEncoding.compareUnsigned(KeyEncoding.encode(v), KeyEncoding.encode(back)));
    }
  }

  @Test
  void keyOrderMatchesValueOrderOnRandomTuples() {
    long seed = seed();
    RandomValues values = new RandomValues(new SplitMix64(seed));
    for (int i = 0; i < 20_000; i++) {
      int width = values.rng().between(1, 3);
      List<Value> a = new ArrayList<>();
      List<Value> b = new ArrayList<>();
      for (int c = 0; c < width; c++) {
        DataType type = values.type();
        a.add(values.valueOrNull(type, 5));
        // Same type, or another integer type: integers compare by value across widths.
        DataType other = type.isInteger() ? DataType.values()[values.rng().nextInt(8)] : type;
        b.add(values.rng().oneIn(4) ? a.get(c) : values.valueOrNull(other, 5));
      }
      int byValue = Integer.signum(Values.compareTuples(a, b));
      int byKey =
          Integer.signum(KeyEncoding.compareUnsigned(KeyEncoding.encode(a), KeyEncoding.encode(b)));
      assertEquals(byValue, byKey, "seed=" + seed + " iteration=" + i + " a=" + a + " b=" + b);
      assertEquals(-byValue, Integer.signum(Values.compareTuples(b, a)), "antisymmetry");
    }
  }

  @Test
  void rowsRoundTrip() {
    long seed = seed();
    RandomValues values = new RandomValues(new SplitMix64(seed));
    for (int i = 0; i < 5_000; i++) {
      List<DataType> types = values.types(values.rng().between(1, 20));
      List<Value> row = values.row(types, 3);
      assertEquals(row, RowCodec.decode(types, RowCodec.encode(types, row)), "seed=" + seed);
    }
  }

  @Test
  void filtersAndJoinsRoundTrip() {
    long seed = seed();
    RandomFilters filters = new RandomFilters(new RandomValues(new SplitMix64(seed)));
    for (int i = 0; i < 5_000; i++) {
      Filter f = filters.filter(1 + i % Filter.MAX_DEPTH);
      String json = WireFormat.printFilter(f);
      Filter back = WireFormat.parseFilter(json);
      assertEquals(f, back, "seed=" + seed + " json=" + json);
      assertEquals(json, WireFormat.printFilter(back));
      Join j = filters.join();
      assertEquals(j, WireFormat.parseJoin(WireFormat.printJoin(j)));
    }
  }
}
