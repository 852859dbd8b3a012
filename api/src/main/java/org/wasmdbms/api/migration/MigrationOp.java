package org.wasmdbms.api.migration;

/**
 * One step of a migration (WIT variant {@code migration-op}). A plan lists its steps by {@link
 * #kind()} in the order of {@link Kind}, then by table name, then by column name; create-table
 * steps keep the order in which the tables were registered. Immutable.
 */
public sealed interface MigrationOp {
  /** The kinds of steps, in the order a plan runs them. */
  enum Kind {
    CREATE_TABLE("create-table"),
    RENAME_COLUMN("rename-column"),
    ADD_COLUMN("add-column"),
    WIDEN_COLUMN("widen-column"),
    TRANSFORM_COLUMN("transform-column"),
    ALTER_COLUMN("alter-column"),
    DROP_INDEX("drop-index"),
    ADD_INDEX("add-index"),
    DROP_COLUMN("drop-column"),
    DROP_TABLE("drop-table");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** The name of the WIT case. */
    public String wireName() {
      return wireName;
    }
  }

  /** The kind of step. */
  Kind kind();

  /** The table the step changes. */
  String table();

  /** The column the step is about, by its name in code, or "" for a table or index step. */
  default String column() {
    return "";
  }

  /** Whether the step loses data: dropping a table or a column. */
  default boolean destructive() {
    return kind() == Kind.DROP_TABLE || kind() == Kind.DROP_COLUMN;
  }

  /** The step in words, for error messages: its kind, then what it changes. */
  default String describe() {
    return kind().wireName() + " " + table() + (column().isEmpty() ? "" : "." + column());
  }

  /**
   * Creates a table.
   *
   * @param op the table
   */
  record CreateTable(CreateTableOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.CREATE_TABLE;
    }

    @Override
    public String table() {
      return op.name();
    }
  }

  /**
   * Drops a table and its rows.
   *
   * @param table the table
   */
  record DropTable(String table) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.DROP_TABLE;
    }
  }

  /**
   * Adds a column.
   *
   * @param op the column
   */
  record AddColumn(AddColumnOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.ADD_COLUMN;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String column() {
      return op.column().name();
    }
  }

  /**
   * Drops a column.
   *
   * @param op the column
   */
  record DropColumn(DropColumnOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.DROP_COLUMN;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String column() {
      return op.column();
    }
  }

  /**
   * Renames a column.
   *
   * @param op the names
   */
  record RenameColumn(RenameColumnOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.RENAME_COLUMN;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String column() {
      return op.newName();
    }

    @Override
    public String describe() {
      return "rename-column " + op.table() + "." + op.oldName() + " to " + op.newName();
    }
  }

  /**
   * Changes a column's attributes.
   *
   * @param op the changes
   */
  record AlterColumn(AlterColumnOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.ALTER_COLUMN;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String column() {
      return op.column();
    }
  }

  /**
   * Widens a column's type.
   *
   * @param op the types
   */
  record WidenColumn(TypeChangeOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.WIDEN_COLUMN;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String column() {
      return op.column();
    }

    @Override
    public String describe() {
      return MigrationOp.super.describe()
          + " from "
          + op.oldType().wireName()
          + " to "
          + op.newType().wireName();
    }
  }

  /**
   * Runs a transform over a column.
   *
   * @param op the transform
   */
  record TransformColumn(TransformOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.TRANSFORM_COLUMN;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String column() {
      return op.column();
    }

    @Override
    public String describe() {
      return MigrationOp.super.describe() + " with " + op.id();
    }
  }

  /**
   * Adds a declared index.
   *
   * @param op the index
   */
  record AddIndex(IndexOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.ADD_INDEX;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String describe() {
      return MigrationOp.super.describe() + " on " + op.index().columns();
    }
  }

  /**
   * Drops a declared index.
   *
   * @param op the index
   */
  record DropIndex(IndexOp op) implements MigrationOp {
    @Override
    public Kind kind() {
      return Kind.DROP_INDEX;
    }

    @Override
    public String table() {
      return op.table();
    }

    @Override
    public String describe() {
      return MigrationOp.super.describe() + " on " + op.index().columns();
    }
  }
}
