package org.wasmdbms.wit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One WIT type: how it is written in a WIT file, and its memory layout and flat (core value) form
 * by the rules of the Component Model's canonical ABI: alignment, size, field offsets of records,
 * discriminant size and payload offset of variants, and the core types it flattens to.
 *
 * <p>Options, results and enums are variants, as the canonical ABI despecializes them; a named
 * alias ({@code type row = list<column-value>}) has the layout of the type it names. Instances are
 * immutable and safe to share between threads.
 */
public final class WitType {
  /** A core WebAssembly value type in a flattened signature. */
  public enum Flat {
    /** A 32-bit integer. */
    I32,
    /** A 64-bit integer. */
    I64,
    /** A 32-bit float. */
    F32,
    /** A 64-bit float. */
    F64;

    /** The type a variant's flat slot takes when two cases put these two types there. */
    static Flat join(Flat a, Flat b) {
      if (a == b) {
        return a;
      }
      if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
        return I32;
      }
      return I64;
    }
  }

  /** What the type is in memory, which decides how values are stored and flattened. */
  public enum Kind {
    /** An integer, boolean or float of {@link #size()} bytes. */
    SCALAR,
    /** A string: a (pointer, byte length) pair. */
    STRING,
    /** A list: a (pointer, element count) pair. */
    LIST,
    /** A record (or the tuple of a function's parameters). */
    RECORD,
    /** A variant, option, result or enum. */
    VARIANT
  }

  /**
   * A named part of a type: a record's field or a variant's case.
   *
   * @param name the field or case name as the WIT file spells it
   * @param type the field's type, or the case's payload (null for a case without one)
   */
  public record Part(String name, WitType type) {}

  /** {@code bool}. */
  public static final WitType BOOL = scalar("bool", 1, Flat.I32, false);

  /** {@code u8}. */
  public static final WitType U8 = scalar("u8", 1, Flat.I32, false);

  /** {@code s8}. */
  public static final WitType S8 = scalar("s8", 1, Flat.I32, true);

  /** {@code u16}. */
  public static final WitType U16 = scalar("u16", 2, Flat.I32, false);

  /** {@code s16}. */
  public static final WitType S16 = scalar("s16", 2, Flat.I32, true);

  /** {@code u32}. */
  public static final WitType U32 = scalar("u32", 4, Flat.I32, false);

  /** {@code s32}. */
  public static final WitType S32 = scalar("s32", 4, Flat.I32, true);

  /** {@code u64}. */
  public static final WitType U64 = scalar("u64", 8, Flat.I64, false);

  /** {@code s64}. */
  public static final WitType S64 = scalar("s64", 8, Flat.I64, true);

  /** {@code f32}. */
  public static final WitType F32 = scalar("f32", 4, Flat.F32, false);

  /** {@code f64}. */
  public static final WitType F64 = scalar("f64", 8, Flat.F64, false);

  /** {@code string}. */
  public static final WitType STRING =
      new WitType(
          "string",
          null,
          null,
          Kind.STRING,
          4,
          8,
          List.of(Flat.I32, Flat.I32),
          null,
          List.of(),
          new int[0],
          0,
          false);

  /** How the WIT file writes the type: a keyword ("u8", "list", "record", "type" for aliases). */
  private final String keyword;

  /** The declared name of a record, variant, enum or alias; null for an anonymous type. */
  private final String name;

  /** The type an alias names; null otherwise. */
  private final WitType aliased;

  private final Kind kind;
  private final int alignment;
  private final int size;
  private final List<Flat> flat;
  private final WitType element;
  private final List<Part> parts;
  private final int[] offsets;
  private final int discriminantSize;
  private final boolean signed;

  private WitType(
      String keyword,
      String name,
      WitType aliased,
      Kind kind,
      int alignment,
      int size,
      List<Flat> flat,
      WitType element,
      List<Part> parts,
      int[] offsets,
      int discriminantSize,
      boolean signed) {
    this.keyword = keyword;
    this.name = name;
    this.aliased = aliased;
    this.kind = kind;
    this.alignment = alignment;
    this.size = size;
    this.flat = Collections.unmodifiableList(new ArrayList<>(flat));
    this.element = element;
    this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
    this.offsets = offsets;
    this.discriminantSize = discriminantSize;
    this.signed = signed;
  }

  private static WitType scalar(String keyword, int size, Flat flat, boolean signed) {
    return new WitType(
        keyword,
        null,
        null,
        Kind.SCALAR,
        size,
        size,
        List.of(flat),
        null,
        List.of(),
        new int[0],
        0,
        signed);
  }

  /** A record field or a variant case with a payload. */
  public static Part part(String name, WitType type) {
    return new Part(name, type);
  }

  /** A variant case without a payload. */
  public static Part part(String name) {
    return new Part(name, null);
  }

  /** {@code list<element>}. */
  public static WitType list(WitType element) {
    return new WitType(
        "list",
        null,
        null,
        Kind.LIST,
        4,
        8,
        List.of(Flat.I32, Flat.I32),
        element,
        List.of(),
        new int[0],
        0,
        false);
  }

  /** {@code type name = target}: the target's layout under a new name. */
  public static WitType alias(String name, WitType target) {
    return new WitType(
        "type",
        name,
        target,
        target.kind,
        target.alignment,
        target.size,
        target.flat,
        target.element,
        target.parts,
        target.offsets,
        target.discriminantSize,
        target.signed);
  }

  /** {@code record name { fields }}; a null name is the tuple of a function's parameters. */
  public static WitType record(String name, Part... fields) {
    int alignment = 1;
    int size = 0;
    int[] offsets = new int[fields.length];
    List<Flat> flat = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      WitType field = fields[i].type();
      size = alignTo(size, field.alignment);
      offsets[i] = size;
      size += field.size;
      alignment = Math.max(alignment, field.alignment);
      flat.addAll(field.flat);
    }
    return new WitType(
        "record",
        name,
        null,
        Kind.RECORD,
        alignment,
        alignTo(size, alignment),
        flat,
        null,
        List.of(fields),
        offsets,
        0,
        false);
  }

  /** {@code variant name { cases }}. */
  public static WitType variant(String name, Part... cases) {
    return sum("variant", name, cases);
  }

  /** {@code option<payload>}: cases none and some. */
  public static WitType option(WitType payload) {
    return sum("option", null, part("none"), part("some", payload));
  }

  /** {@code result<ok, error>}; a null ok type is {@code _}, the case without payload. */
  public static WitType result(WitType ok, WitType error) {
    return sum("result", null, part("ok", ok), part("error", error));
  }

  /** {@code enum name { cases }}. */
  public static WitType enumeration(String name, String... cases) {
    Part[] parts = new Part[cases.length];
    for (int i = 0; i < cases.length; i++) {
      parts[i] = part(cases[i]);
    }
    return sum("enum", name, parts);
  }

  /** A variant (or option, result, enum, by {@code keyword}) of these cases. */
  private static WitType sum(String keyword, String name, Part... cases) {
    int discriminantSize = cases.length <= 256 ? 1 : cases.length <= 65536 ? 2 : 4;
    int payloadAlignment = 1;
    int payloadSize = 0;
    List<Flat> payloadFlat = new ArrayList<>();
    for (Part kase : cases) {
      WitType payload = kase.type();
      if (payload == null) {
        continue;
      }
      payloadAlignment = Math.max(payloadAlignment, payload.alignment);
      payloadSize = Math.max(payloadSize, payload.size);
      for (int i = 0; i < payload.flat.size(); i++) {
        if (i < payloadFlat.size()) {
          payloadFlat.set(i, Flat.join(payloadFlat.get(i), payload.flat.get(i)));
        } else {
          payloadFlat.add(payload.flat.get(i));
        }
      }
    }
    int alignment = Math.max(discriminantSize, payloadAlignment);
    int payloadOffset = alignTo(discriminantSize, payloadAlignment);
    List<Flat> flat = new ArrayList<>();
    flat.add(Flat.I32);
    flat.addAll(payloadFlat);
    return new WitType(
        keyword,
        name,
        null,
        Kind.VARIANT,
        alignment,
        alignTo(payloadOffset + payloadSize, alignment),
        flat,
        null,
        List.of(cases),
        new int[] {payloadOffset},
        discriminantSize,
        false);
  }

  private static int alignTo(int offset, int alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }

  /** What the type is in memory. */
  public Kind kind() {
    return kind;
  }

  /** The alignment in bytes. */
  public int alignment() {
    return alignment;
  }

  /** The size in bytes, a multiple of the alignment. */
  public int size() {
    return size;
  }

  /** The core value types this type flattens to, in order. */
  public List<Flat> flat() {
    return flat;
  }

  /** The element type of a list. */
  public WitType element() {
    if (kind != Kind.LIST) {
      throw new IllegalStateException("not a list");
    }
    return element;
  }

  /** The byte offset of field {@code index} of a record. */
  public int fieldOffset(int index) {
    if (kind != Kind.RECORD) {
      throw new IllegalStateException("not a record");
    }
    return offsets[index];
  }

  /** A record's fields or a variant's cases, in declaration order. */
  public List<Part> parts() {
    return parts;
  }

  /** Whether a scalar is a signed integer, which widens to its flat type with its sign. */
  public boolean signed() {
    return signed;
  }

  /** The size of a variant's discriminant in bytes: 1, 2 or 4. */
  public int discriminantSize() {
    requireVariant();
    return discriminantSize;
  }

  /** The byte offset of a variant's payload. */
  public int payloadOffset() {
    requireVariant();
    return offsets[0];
  }

  /** The number of cases of a variant. */
  public int caseCount() {
    requireVariant();
    return parts.size();
  }

  private void requireVariant() {
    if (kind != Kind.VARIANT) {
      throw new IllegalStateException("not a variant");
    }
  }

  /** The declared name, or null for an anonymous type. */
  public String name() {
    return name;
  }

  /**
   * The type as a WIT file writes it where it is used: the name of a declared type, otherwise its
   * form ({@code option<string>}, {@code result<_, dbms-error>}, {@code list<u8>}).
   */
  public String reference() {
    if (name != null) {
      return name;
    }
    return switch (keyword) {
      case "list" -> "list<" + element.reference() + ">";
      case "option" -> "option<" + parts.get(1).type().reference() + ">";
      case "result" ->
          "result<"
              + (parts.get(0).type() == null ? "_" : parts.get(0).type().reference())
              + ", "
              + parts.get(1).type().reference()
              + ">";
      case "record" -> "tuple" + partList("<", ">", false);
      default -> keyword;
    };
  }

  /**
   * The declaration of a named type as a WIT file writes it, on one line without comments: {@code
   * record order-key { column: string, direction: order-direction }}, {@code variant v { a(u8), b
   * }}, {@code enum e { x, y }}, {@code type row = list<column-value>}.
   *
   * @throws IllegalStateException for an anonymous type
   */
  public String declaration() {
    if (name == null) {
      throw new IllegalStateException(reference() + " is not declared");
    }
    if (aliased != null) {
      return "type " + name + " = " + aliased.reference();
    }
    return keyword + " " + name + " " + partList("{ ", " }", true);
  }

  /**
   * The parts as {@code a: t} (record fields), {@code a(t)} or {@code a} (cases), or bare types.
   */
  private String partList(String open, String close, boolean named) {
    StringBuilder out = new StringBuilder(open);
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      out.append(i == 0 ? "" : ", ");
      if (!named) {
        out.append(part.type().reference());
      } else if (kind == Kind.RECORD) {
        out.append(part.name()).append(": ").append(part.type().reference());
      } else {
        out.append(part.name());
        if (part.type() != null) {
          out.append('(').append(part.type().reference()).append(')');
        }
      }
    }
    return out.append(close).toString();
  }

  /** {@link #reference()}. */
  @Override
  public String toString() {
    return reference();
  }
}
