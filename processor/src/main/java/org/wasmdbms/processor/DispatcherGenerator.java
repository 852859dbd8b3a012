package org.wasmdbms.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <Schema>Dispatcher}: a {@code SchemaDispatcher} over the generated table classes of
 * a {@code @DatabaseSchema}, in dependency order.
 */
final class DispatcherGenerator {
  private DispatcherGenerator() {}

  /**
   * The source of the dispatcher.
   *
   * @param packageName the package of the schema type
   * @param simpleName the simple name of the dispatcher class
   * @param schema the annotated schema type
   * @param order the tables in registration order
   */
  static String generate(
      String packageName, String simpleName, TypeElement schema, List<Model.Table> order) {
    JavaWriter out = new JavaWriter(packageName);
    String dispatcher = out.use("org.wasmdbms.engine.typed.SchemaDispatcher");
    String mapping = out.use("org.wasmdbms.engine.typed.TableMapping");
    String list = out.use("java.util.List");
    out.line("/**")
        .line(
            " * Generated from {@link " + schema.getQualifiedName() + "}: registers its tables in")
        .line(" * dependency order and routes raw operations by table name.")
        .line(" */");
    out.open("public final class " + simpleName + " extends " + dispatcher);
    out.line("/** The one instance. */")
        .line("public static final " + simpleName + " INSTANCE = new " + simpleName + "();")
        .line("");
    out.open("private " + simpleName + "()")
        .line("super(")
        .line("    " + list + ".<" + mapping + "<?>>of(");
    for (int i = 0; i < order.size(); i++) {
      out.line(
          "        "
              + out.use(order.get(i).generated("Table"))
              + ".INSTANCE"
              + (i + 1 < order.size() ? "," : "));"));
    }
    out.close();
    out.close();
    return out.toSource();
  }
}
