package org.wasmdbms.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The annotation processor. For every {@code @Table} type it generates {@code <Base>Table}, {@code
 * <Base>Insert}, {@code <Base>Update} and, with foreign keys, {@code <Base>WithRelations}; for
 * every {@code @DatabaseSchema} type {@code S} it generates {@code SDispatcher}.
 *
 * <p>Every problem is reported as a compile-time error on the offending element, and processing
 * goes on so that one compilation reports all of them; code is generated only for tables (and
 * schemas) without errors.
 */
@SupportedAnnotationTypes({
  "org.wasmdbms.api.annotation.Table",
  "org.wasmdbms.api.annotation.DatabaseSchema"
})
public final class SchemaProcessor extends AbstractProcessor {
  /** Creates the processor; javac finds it through {@code META-INF/services}. */
  public SchemaProcessor() {}

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    new Round(round).run();
    return true;
  }

  /** The work of one processing round. */
  private final class Round {
    private final RoundEnvironment round;
    private final Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    private final Annotations annotations = new Annotations(processingEnv.getElementUtils());
    private final Map<TypeElement, Model.Table> tables = new LinkedHashMap<>();
    private final Map<Model.Table, List<Model.Relation>> relations = new HashMap<>();
    private final Map<Model.Table, Boolean> sound = new HashMap<>();

    Round(RoundEnvironment round) {
      this.round = round;
    }

    void run() {
      TableReader reader = new TableReader(processingEnv, annotations, diagnostics);
      for (Element element : round.getElementsAnnotatedWith(type("Table"))) {
        TypeElement type = (TypeElement) element;
        int before = diagnostics.errorCount();
        Model.Table table = reader.read(type);
        if (table != null) {
          tables.put(type, table);
          sound.put(table, diagnostics.errorCount() == before);
        }
      }
      SchemaChecker checker = new SchemaChecker(diagnostics, this::tableOf);
      Map<String, Model.Table> byName = checker.byName(new ArrayList<>(tables.values()));
      for (Model.Table table : tables.values()) {
        int before = diagnostics.errorCount();
        relations.put(table, checker.relations(table, byName));
        boolean unique = byName.get(table.name()) == table;
        sound.put(table, sound.get(table) && unique && diagnostics.errorCount() == before);
      }
      for (Model.Table table : tables.values()) {
        if (sound.get(table)) {
          generateTable(table);
        }
      }
      for (Element element : round.getElementsAnnotatedWith(type("DatabaseSchema"))) {
        generateSchema((TypeElement) element, checker);
      }
    }

    private TypeElement type(String simpleName) {
      return processingEnv.getElementUtils().getTypeElement(Annotations.PACKAGE + simpleName);
    }

    /** The table {@code type} declares: from this round, else read quietly from the class path. */
    private Model.Table tableOf(TypeElement type) {
      Model.Table table = tables.get(type);
      if (table != null || Annotations.find(type, "Table") == null) {
        return table;
      }
      table = new TableReader(processingEnv, annotations, new Diagnostics(null)).read(type);
      if (table != null) {
        // Compiled before, so its generated classes exist.
        sound.put(table, true);
      }
      return table;
    }

    private void generateTable(Model.Table table) {
      List<Model.Relation> tableRelations = relations.get(table);
      write(table, "Table", TableGenerator.generate(table, tableRelations));
      write(table, "Insert", RequestGenerator.generateInsert(table));
      write(table, "Update", RequestGenerator.generateUpdate(table));
      if (!tableRelations.isEmpty()) {
        write(table, "WithRelations", RelationsGenerator.generateRecord(table, tableRelations));
      }
    }

    private void write(Model.Table table, String suffix, String source) {
      writeSource(table.generated(suffix), source, table.element());
    }

    private void generateSchema(TypeElement schema, SchemaChecker checker) {
      AnnotationMirror annotation = Annotations.find(schema, "DatabaseSchema");
      List<Model.Table> listed = new ArrayList<>();
      boolean complete = true;
      for (TypeElement type : annotations.types(annotation, "value")) {
        Model.Table table = type == null ? null : tableOf(type);
        if (table == null) {
          diagnostics.error(
              schema,
              annotation,
              "@DatabaseSchema lists "
                  + (type == null ? "a type" : type.getQualifiedName())
                  + ", which is not a @Table class");
          complete = false;
        } else if (listed.contains(table)) {
          diagnostics.error(
              schema, annotation, "@DatabaseSchema lists " + table.recordType() + " twice");
          complete = false;
        } else {
          complete &= sound.get(table);
          listed.add(table);
        }
      }
      int before = diagnostics.errorCount();
      checker.byName(listed);
      if (!complete || diagnostics.errorCount() != before) {
        return;
      }
      List<Model.Table> order = checker.dependencyOrder(schema, annotation, listed);
      if (order == null) {
        return;
      }
      String pkg =
          processingEnv.getElementUtils().getPackageOf(schema).getQualifiedName().toString();
      String simpleName = schema.getSimpleName() + "Dispatcher";
      writeSource(
          (pkg.isEmpty() ? "" : pkg + ".") + simpleName,
          DispatcherGenerator.generate(pkg, simpleName, schema, order),
          schema);
    }

    private void writeSource(String qualifiedName, String source, Element origin) {
      try (Writer writer =
          processingEnv.getFiler().createSourceFile(qualifiedName, origin).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        diagnostics.error(origin, "cannot write " + qualifiedName + ": " + e.getMessage());
      }
    }
  }
}
