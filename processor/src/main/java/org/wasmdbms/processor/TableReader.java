package org.wasmdbms.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.schema.Identifiers;

/**
 * Reads one {@code @Table} record or class into a {@link Model.Table}, reporting every problem it
 * finds on the offending element and carrying on, so that one compilation shows all of them. Checks
 * that need other tables (foreign keys, duplicate table names) are {@link SchemaChecker}'s.
 */
final class TableReader {
  private final Types types;
  private final Annotations annotations;
  private final Diagnostics diagnostics;
  private final DeclarationOrder order;
  private final CustomRuleReader customRules;

  TableReader(ProcessingEnvironment environment, Annotations annotations, Diagnostics diagnostics) {
    this.types = environment.getTypeUtils();
    this.annotations = annotations;
    this.diagnostics = diagnostics;
    this.order = new DeclarationOrder(environment, annotations);
    this.customRules =
        new CustomRuleReader(environment.getElementUtils(), types, annotations, diagnostics);
  }

  /**
   * Reads {@code type}, which carries {@code @Table}.
   *
   * @return the table, or null if it is too broken to describe (errors were reported)
   */
  Model.Table read(TypeElement type) {
    AnnotationMirror table = Annotations.find(type, "Table");
    String name = annotations.string(table, "value");
    boolean isRecord = type.getKind() == ElementKind.RECORD;
    if (!isRecord && type.getKind() != ElementKind.CLASS) {
      diagnostics.error(
          type, table, "@Table goes on a record or a class, not on a " + kindName(type));
      return null;
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || (type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC))
        || type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      diagnostics.error(
          type,
          table,
          "table class "
              + type.getSimpleName()
              + " must be a concrete top-level or static nested type that is not private");
      return null;
    }
    checkIdentifier(type, table, "table name", name);
    List<Element> fields = columnElements(type);
    List<Model.Column> columns = new ArrayList<>();
    Map<String, IndexGroup> groups = new LinkedHashMap<>();
    for (Element field : fields) {
      Model.Column column = readColumn(name, field, isRecord, groups);
      if (column == null) {
        continue;
      }
      if (columnNamed(columns, column.name()) != null) {
        diagnostics.error(field, "duplicate column name " + column.name() + " in table " + name);
        continue;
      }
      columns.add(column);
    }
    checkPrimaryKey(type, table, name, columns);
    checkMigrations(name, columns);
    if (!isRecord) {
      checkConstructor(type, fields);
    }
    List<Model.Index> indexes = new ArrayList<>();
    for (Map.Entry<String, IndexGroup> group : groups.entrySet()) {
      indexes.add(
          new Model.Index(group.getKey(), group.getValue().unique, group.getValue().columns));
    }
    return new Model.Table(type, name, columns, indexes);
  }

  private static String kindName(TypeElement type) {
    return type.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static Model.Column columnNamed(List<Model.Column> columns, String name) {
    for (Model.Column column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    return null;
  }

  /**
   * The fields that are columns. For a record these are the private fields javac derives from its
   * components: they carry the components' annotations and, unlike the components, a source
   * position for error messages.
   */
  private static List<Element> columnElements(TypeElement type) {
    List<Element> out = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC)
          && !field.getModifiers().contains(Modifier.TRANSIENT)) {
        out.add(field);
      }
    }
    return out;
  }

  private void checkPrimaryKey(
      TypeElement type, AnnotationMirror table, String name, List<Model.Column> columns) {
    Model.Column first = null;
    for (Model.Column column : columns) {
      if (!column.primaryKey()) {
        continue;
      }
      if (first == null) {
        first = column;
      } else {
        diagnostics.error(
            column.element(),
            "table "
                + name
                + " has two primary keys, "
                + first.name()
                + " and "
                + column.name()
                + "; mark exactly one field with @PrimaryKey");
      }
    }
    if (first == null) {
      diagnostics.error(
          type, table, "table " + name + " has no primary key; mark one field with @PrimaryKey");
    }
  }

  private void checkConstructor(TypeElement type, List<Element> fields) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)
          || constructor.getParameters().size() != fields.size()) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < fields.size() && matches; i++) {
        matches =
            types.isSameType(constructor.getParameters().get(i).asType(), fields.get(i).asType());
      }
      if (matches) {
        return;
      }
    }
    diagnostics.error(
        type,
        "table class "
            + type.getSimpleName()
            + " needs a non-private constructor taking every column field in declaration order");
  }

  private void checkIdentifier(Element element, AnnotationMirror mirror, String what, String name) {
    try {
      Identifiers.check(what, name);
    } catch (DbmsException e) {
      diagnostics.error(element, mirror, "invalid " + what + ": " + e.detail());
    }
  }

  /** The members of one index: its columns in field order and whether it is unique. */
  private static final class IndexGroup {
    final List<String> columns = new ArrayList<>();
    final boolean unique;

    IndexGroup(boolean unique) {
      this.unique = unique;
    }
  }

  private Model.Column readColumn(
      String table, Element field, boolean isRecord, Map<String, IndexGroup> groups) {
    String fieldName = field.getSimpleName().toString();
    AnnotationMirror columnAnnotation = Annotations.find(field, "Column");
    String name =
        columnAnnotation == null ? fieldName : annotations.string(columnAnnotation, "value");
    checkIdentifier(field, columnAnnotation, "column name", name);
    FieldType type = FieldType.of(field.asType());
    if (type == null) {
      diagnostics.error(
          field,
          "unsupported field type "
              + field.asType()
              + " of "
              + fieldName
              + "; use a primitive (not char), a boxed primitive, String, byte[], BigDecimal or a"
              + " value class of org.wasmdbms.api.value");
      return null;
    }
    String read = isRecord ? fieldName + "()" : fieldAccess((VariableElement) field, type);
    if (read == null) {
      return null;
    }
    ColumnRules rules = new ColumnRules(field, name, type, annotations, diagnostics, customRules);
    boolean primaryKey = false;
    boolean unique = false;
    boolean autoIncrement = false;
    boolean nullableMark = false;
    AnnotationMirror defaultAnnotation = null;
    AnnotationMirror renamed = null;
    List<Model.Transform> transforms = new ArrayList<>();
    Model.ForeignKey foreignKey = null;
    for (AnnotationMirror mirror : order.of(field)) {
      String kind = Annotations.schemaName(mirror);
      if (kind == null) {
        continue;
      }
      switch (kind) {
        case "Column" -> {
          // Read above: the column name is needed first.
        }
        case "Index" -> addToIndex(table, name, field, mirror, groups);
        case "Index.List" -> {
          for (AnnotationMirror index : annotations.mirrors(mirror, "value")) {
            addToIndex(table, name, field, index, groups);
          }
        }
        case "PrimaryKey" -> primaryKey = true;
        case "Unique" -> unique = true;
        case "AutoIncrement" -> {
          autoIncrement = true;
          if (!type.dataType().isInteger()) {
            diagnostics.error(
                field,
                mirror,
                "@AutoIncrement needs an integer column, but "
                    + name
                    + " is "
                    + type.dataType().wireName());
          }
        }
        case "Nullable" -> {
          nullableMark = true;
          if (!type.javaNullable()) {
            diagnostics.error(
                field, mirror, "a primitive field cannot be @Nullable; use its boxed type");
          }
        }
        case "Default" -> defaultAnnotation = mirror;
        case "RenamedFrom" -> renamed = mirror;
        case "Transform" -> addTransform(field, mirror, transforms);
        case "Transforms" -> {
          for (AnnotationMirror transform : annotations.mirrors(mirror, "value")) {
            addTransform(field, transform, transforms);
          }
        }
        case "ForeignKey" ->
            foreignKey =
                new Model.ForeignKey(
                    annotations.string(mirror, "table"),
                    annotations.string(mirror, "column"),
                    annotations.type(mirror, "entity"),
                    mirror);
        default -> rules.add(kind, mirror);
      }
    }
    boolean nullable = nullableMark || type.nullableByDefault();
    if (primaryKey && nullable) {
      diagnostics.error(
          field, "primary key " + name + " cannot be nullable; use a primitive or drop @Nullable");
    }
    if (autoIncrement && defaultAnnotation != null) {
      diagnostics.error(
          field,
          defaultAnnotation,
          "column " + name + " cannot have both @AutoIncrement and @Default");
    }
    rules.checkNullable(nullable);
    Model.Snippet defaultValue =
        defaultAnnotation == null
            ? null
            : rules.parseValue(
                defaultAnnotation,
                "default",
                annotations.string(defaultAnnotation, "value"),
                nullable);
    return new Model.Column(
        field,
        fieldName,
        name,
        type,
        nullable,
        primaryKey,
        unique,
        autoIncrement,
        defaultValue,
        foreignKey,
        rules.sanitizers(),
        rules.validators(),
        read,
        renamed == null ? List.of() : annotations.strings(renamed, "value"),
        renamed,
        transforms);
  }

  private void addTransform(Element field, AnnotationMirror mirror, List<Model.Transform> out) {
    String id = annotations.string(mirror, "id");
    checkIdentifier(field, mirror, "transform id", id);
    Model.Snippet function = customRules.transform(field, mirror);
    if (function != null) {
      out.add(new Model.Transform(id, function, mirror));
    }
  }

  /**
   * Reports migration declarations that cannot work: an earlier name that a column of the table
   * still has (or that two columns claim), and two transforms of the table with one id.
   */
  private void checkMigrations(String table, List<Model.Column> columns) {
    Map<String, String> claimed = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    for (Model.Column column : columns) {
      for (String earlier : column.renamedFrom()) {
        checkIdentifier(column.element(), column.renamedMirror(), "earlier column name", earlier);
        String problem = null;
        if (columnNamed(columns, earlier) != null) {
          problem = "table " + table + " still has a column " + earlier + ", so nothing is renamed";
        } else if (claimed.containsKey(earlier)) {
          problem = "column " + claimed.get(earlier) + " already claims that earlier name";
        }
        claimed.putIfAbsent(earlier, column.name());
        if (problem != null) {
          diagnostics.error(
              column.element(),
              column.renamedMirror(),
              "@RenamedFrom(\"" + earlier + "\") on column " + column.name() + ": " + problem);
        }
      }
      for (Model.Transform transform : column.transforms()) {
        String first = ids.putIfAbsent(transform.id(), column.name());
        if (first != null) {
          diagnostics.error(
              column.element(),
              transform.mirror(),
              "two transforms of table "
                  + table
                  + " have the id "
                  + transform.id()
                  + " (on columns "
                  + first
                  + " and "
                  + column.name()
                  + ")");
        }
      }
    }
  }

  private void addToIndex(
      String table,
      String column,
      Element field,
      AnnotationMirror mirror,
      Map<String, IndexGroup> groups) {
    String group = annotations.string(mirror, "group");
    boolean unique = annotations.bool(mirror, "unique");
    String name = group.isEmpty() ? table + "_" + column + "_idx" : group;
    checkIdentifier(field, mirror, "index name", name);
    IndexGroup existing = groups.get(name);
    if (existing == null) {
      existing = new IndexGroup(unique);
      groups.put(name, existing);
    } else if (group.isEmpty() || existing.columns.contains(column)) {
      diagnostics.error(field, mirror, "index " + name + " is declared twice");
      return;
    } else if (existing.unique != unique) {
      diagnostics.error(
          field, mirror, "the columns of index " + name + " disagree on whether it is unique");
      return;
    }
    existing.columns.add(column);
  }

  /**
   * How generated code in the same package reads a class field: directly unless private, else
   * through a getter ({@code getX()}, {@code isX()} or {@code x()}) of the same type.
   */
  private String fieldAccess(VariableElement field, FieldType type) {
    String name = field.getSimpleName().toString();
    if (!field.getModifiers().contains(Modifier.PRIVATE)) {
      return name;
    }
    String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    List<String> getters = List.of("get" + capitalized, "is" + capitalized, name);
    for (ExecutableElement method :
        ElementFilter.methodsIn(field.getEnclosingElement().getEnclosedElements())) {
      if (getters.contains(method.getSimpleName().toString())
          && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.PRIVATE)
          && !method.getModifiers().contains(Modifier.STATIC)
          && types.isSameType(method.getReturnType(), field.asType())) {
        return method.getSimpleName() + "()";
      }
    }
    diagnostics.error(
        field,
        "field "
            + name
            + " of type "
            + type.sourceType()
            + " is private and has no getter; make it package-visible or add get"
            + capitalized
            + "()");
    return null;
  }
}
