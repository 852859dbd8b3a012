package org.wasmdbms.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts the model computes, against values worked out by hand from the canonical ABI. */
class LayoutTest {
  @Test
  void layoutsMatchTheCanonicalAbiWorkedByHand() {
    assertEquals(16, DbmsTypes.VALUE.size());
    assertEquals(8, DbmsTypes.VALUE.payloadOffset());
    assertEquals(24, DbmsTypes.COLUMN_VALUE.size());
    assertEquals(12, DbmsTypes.ORDER_KEY.size());
    assertEquals(96, DbmsTypes.QUERY.size());
    assertEquals(56, DbmsTypes.QUERY.fieldOffset(6));
    assertEquals(64, DbmsTypes.QUERY.fieldOffset(7));
    assertEquals(120, DbmsFunction.SELECT.params().size());
    assertEquals(112, DbmsFunction.AGGREGATE.params().fieldOffset(3));
    assertEquals(20, DbmsTypes.QUERY.flat().size());
    assertEquals(24, DbmsFunction.SELECT.params().flat().size());
    assertEquals(4, DbmsFunction.INSERT.result().payloadOffset());
    assertEquals(8, DbmsFunction.UPDATE.result().payloadOffset());
    assertEquals(16, DbmsTypes.AGGREGATE_FUNCTION.size());
    assertEquals(12, DbmsTypes.DBMS_ERROR.size());
    assertEquals(List.of(WitType.Flat.I32, WitType.Flat.I64), WitType.option(WitType.U64).flat());
  }

  @Test
  void onlySelectAndAggregatePassTheirParametersInMemory() {
    for (DbmsFunction function : DbmsFunction.values()) {
      boolean spills = function == DbmsFunction.SELECT || function == DbmsFunction.AGGREGATE;
      assertEquals(spills, function.spillsParams(), function.witName());
    }
  }
}
