package org.wasmdbms.host;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.wasmdbms.api.query.AggregateFunction;
import org.wasmdbms.api.query.AggregatedRow;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.host.abi.DatabaseAbi;
import org.wasmdbms.wit.WitQuery;

/**
 * The contract's database over the example guest, run by a {@link DbmsHost} on a directory and
 * driven through the public typed client: {@link DatabaseClient} outside transactions, the {@link
 * Transaction} handle of each open transaction inside. The host throws the api's exception classes
 * itself, so nothing is mapped here.
 *
 * <p>The typed client cannot name a transaction it never handed out, nor one that has ended (its
 * handle refuses that without asking the guest). Calls on such an id therefore go through the raw
 * {@link DatabaseAbi} of the live instance, so that the guest itself is what refuses them.
 *
 * <p>The client's {@code update} and {@code delete} take a typed {@link Filter}, so their JSON is
 * parsed here; a malformed filter is refused by the same wire-format parser the guest uses, but
 * before the call reaches the guest. {@code select} takes the JSON text to the guest unchanged.
 */
final class GuestContractDatabase implements ContractDatabase {
  private final DbmsHost host;
  private final DatabaseClient client;
  private final Map<Long, Transaction> open = new HashMap<>();

  /** Starts the example guest on {@code directory}. */
  GuestContractDatabase(Path directory) {
    host = DbmsHost.start(ExampleGuest.module(), HostOptions.withDirectory(directory));
    client = host.client();
  }

  /** One call, either through the typed client or, for an id it cannot name, through the ABI. */
  private <T> T call(
      Long tx, Function<DatabaseOperations, T> typed, DbmsHost.GuestCall<T> untracked) {
    if (tx == null) {
      return typed.apply(client);
    }
    Transaction handle = open.get(tx);
    return handle != null ? typed.apply(handle) : host.call(untracked);
  }

  @Override
  public List<Row> select(String table, WitQuery query, Long tx) {
    return call(
        tx, ops -> ops.select(table, query), (abi, generation) -> abi.select(table, query, tx));
  }

  @Override
  public List<AggregatedRow> aggregate(
      String table, WitQuery query, List<AggregateFunction> functions, Long tx) {
    return call(
        tx,
        ops -> ops.aggregate(table, query, functions),
        (abi, generation) -> abi.aggregate(table, query, functions, tx));
  }

  @Override
  public Row insert(String table, Row values, Long tx) {
    return call(
        tx, ops -> ops.insert(table, values), (abi, generation) -> abi.insert(table, values, tx));
  }

  @Override
  public long update(String table, Row values, String filter, Long tx) {
    return call(
        tx,
        ops -> ops.update(table, values, ContractDatabase.parseFilter(filter)),
        (abi, generation) -> abi.update(table, values, filter, tx));
  }

  @Override
  public long delete(String table, DeleteBehavior behavior, String filter, Long tx) {
    return call(
        tx,
        ops -> ops.delete(table, behavior, ContractDatabase.parseFilter(filter)),
        (abi, generation) -> abi.delete(table, behavior, filter, tx));
  }

  @Override
  public long begin() {
    Transaction handle = client.begin();
    open.put(handle.id(), handle);
    return handle.id();
  }

  @Override
  public void commit(long tx) {
    end(tx, Transaction::commit, (abi, generation) -> abi.commit(tx));
  }

  @Override
  public void rollback(long tx) {
    end(tx, Transaction::rollback, (abi, generation) -> abi.rollback(tx));
  }

  /** Ends {@code tx} through its handle, or through the ABI for an id the client cannot name. */
  private void end(long tx, Consumer<Transaction> typed, BiConsumer<DatabaseAbi, Long> untracked) {
    Transaction handle = open.remove(tx);
    if (handle != null) {
      typed.accept(handle);
    } else {
      host.call(
          (abi, generation) -> {
            untracked.accept(abi, generation);
            return null;
          });
    }
  }

  @Override
  public void close() {
    host.close();
  }
}
