package org.wasmdbms.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PageCache} against a {@link LinkedHashMap} in access order as the model: seeded random
 * gets, puts and removes over keys that collide in the hash table, with capacities from 1 up.
 */
class PageCacheTest {
  @Test
  void behavesLikeAnAccessOrderedMapThatDropsItsEldest() {
    long seed = new Random().nextLong();
    System.out.println("PageCacheTest seed=" + seed);
    Random random = new Random(seed);
    for (int capacity : new int[] {1, 2, 3, 7, 64}) {
      PageCache cache = new PageCache(capacity);
      Map<Long, byte[]> model = new LinkedHashMap<>(16, 0.75f, true);
      for (int step = 0; step < 20_000; step++) {
        // Multiples of a power of two collide in the table; negative and huge keys are allowed.
        long page = random.nextInt(3 * capacity + 3) * (random.nextBoolean() ? 1L : 1L << 20);
        int op = random.nextInt(10);
        String where = "seed " + seed + ", capacity " + capacity + ", step " + step;
        if (op < 5) {
          assertSame(model.get(page), cache.get(page), where);
        } else if (op < 9) {
          if (!model.containsKey(page)) {
            byte[] image = new byte[1];
            if (model.size() == capacity) {
              model.remove(model.keySet().iterator().next());
            }
            model.put(page, image);
            cache.put(page, image);
          }
        } else {
          model.remove(page);
          cache.remove(page);
        }
        assertEquals(model.size(), cache.size(), where);
      }
      for (Map.Entry<Long, byte[]> entry : model.entrySet()) {
        assertSame(entry.getValue(), cache.peek(entry.getKey()));
      }
      cache.clear();
      assertEquals(0, cache.size());
    }
  }
}
