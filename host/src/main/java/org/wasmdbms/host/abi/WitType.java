package org.wasmdbms.host.abi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The memory layout and flat (core value) form of one WIT type, computed by the rules of the
 * Component Model's canonical ABI: alignment, size, field offsets of records, discriminant size and
 * payload offset of variants, and the list of core types the type flattens to.
 *
 * <p>Options, results and enums are variants, as the canonical ABI despecializes them. Instances
 * are immutable.
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

  /** What the type is, which decides how values are stored and flattened. */
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

  /** {@code bool}. */
  public static final WitType BOOL = scalar(1, Flat.I32, false);

  /** {@code u8}. */
  public static final WitType U8 = scalar(1, Flat.I32, false);

  /** {@code s8}. */
  public static final WitType S8 = scalar(1, Flat.I32, true);

  /** {@code u16}. */
  public static final WitType U16 = scalar(2, Flat.I32, false);

  /** {@code s16}. */
  public static final WitType S16 = scalar(2, Flat.I32, true);

  /** {@code u32}. */
  public static final WitType U32 = scalar(4, Flat.I32, false);

  /** {@code s32}. */
  public static final WitType S32 = scalar(4, Flat.I32, true);

  /** {@code u64}. */
  public static final WitType U64 = scalar(8, Flat.I64, false);

  /** {@code s64}. */
  public static final WitType S64 = scalar(8, Flat.I64, true);

  /** {@code f32}. */
  public static final WitType F32 = scalar(4, Flat.F32, false);

  /** {@code f64}. */
  public static final WitType F64 = scalar(8, Flat.F64, false);

  /** {@code string}. */
  public static final WitType STRING =
      new WitType(
          Kind.STRING, 4, 8, List.of(Flat.I32, Flat.I32), null, List.of(), new int[0], 0, false);

  private final Kind kind;
  private final int alignment;
  private final int size;
  private final List<Flat> flat;
  private final WitType element;
  private final List<WitType> parts;
  private final int[] offsets;
  private final int discriminantSize;
  private final boolean signed;

  private WitType(
      Kind kind,
      int alignment,
      int size,
      List<Flat> flat,
      WitType element,
      List<WitType> parts,
      int[] offsets,
      int discriminantSize,
      boolean signed) {
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

  private static WitType scalar(int size, Flat flat, boolean signed) {
    return new WitType(
        Kind.SCALAR, size, size, List.of(flat), null, List.of(), new int[0], 0, signed);
  }

  /** {@code list<element>}. */
  public static WitType list(WitType element) {
    return new WitType(
        Kind.LIST, 4, 8, List.of(Flat.I32, Flat.I32), element, List.of(), new int[0], 0, false);
  }

  /** A record (or tuple) of these fields in order. */
  public static WitType record(WitType... fields) {
    int alignment = 1;
    int size = 0;
    int[] offsets = new int[fields.length];
    List<Flat> flat = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      size = alignTo(size, fields[i].alignment);
      offsets[i] = size;
      size += fields[i].size;
      alignment = Math.max(alignment, fields[i].alignment);
      flat.addAll(fields[i].flat);
    }
    return new WitType(
        Kind.RECORD,
        alignment,
        alignTo(size, alignment),
        flat,
        null,
        Arrays.asList(fields),
        offsets,
        0,
        false);
  }

  /**
   * A variant with these case payloads in declaration order; a null entry is a case without a
   * payload.
   */
  public static WitType variant(WitType... cases) {
    int discriminantSize = cases.length <= 256 ? 1 : cases.length <= 65536 ? 2 : 4;
    int payloadAlignment = 1;
    int payloadSize = 0;
    List<Flat> payloadFlat = new ArrayList<>();
    for (WitType payload : cases) {
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
        Kind.VARIANT,
        alignment,
        alignTo(payloadOffset + payloadSize, alignment),
        flat,
        null,
        Arrays.asList(cases),
        new int[] {payloadOffset},
        discriminantSize,
        false);
  }

  /** {@code option<payload>}: cases none and some. */
  public static WitType option(WitType payload) {
    return variant(null, payload);
  }

  /** {@code result<ok, error>}: cases ok and error; a null type is a case without payload. */
  public static WitType result(WitType ok, WitType error) {
    return variant(ok, error);
  }

  /** An enum of {@code cases} cases. */
  public static WitType enumeration(int cases) {
    return variant(new WitType[cases]);
  }

  private static int alignTo(int offset, int alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }

  /** What the type is. */
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

  /** The types of a record's fields, or a variant's case payloads (null for none). */
  public List<WitType> parts() {
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
}
