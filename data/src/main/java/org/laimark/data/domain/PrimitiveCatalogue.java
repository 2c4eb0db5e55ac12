package org.laimark.data.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every primitive of the domain, in a fixed order (the order is part of what a seed reproduces). */
public final class PrimitiveCatalogue {

  private static final List<Primitive> ALL = build();
  private static final Map<String, Primitive> BY_ID = index(ALL);
  private static final Map<ValueType, List<Primitive>> BY_INPUT = byInput(ALL);

  private PrimitiveCatalogue() {}

  public static List<Primitive> all() {
    return ALL;
  }

  public static Primitive byId(String id) {
    Primitive p = BY_ID.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no primitive named '" + id + "'");
    }
    return p;
  }

  /** The primitives that accept {@code type}, in catalogue order. */
  public static List<Primitive> accepting(ValueType type) {
    return BY_INPUT.getOrDefault(type, List.of());
  }

  private static List<Primitive> build() {
    List<Primitive> all = new ArrayList<>();
    all.addAll(NumberListPrimitives.all());
    all.addAll(NumberPrimitives.all());
    all.addAll(TextPrimitives.all());
    all.addAll(WordListPrimitives.all());
    return Collections.unmodifiableList(all);
  }

  private static Map<ValueType, List<Primitive>> byInput(List<Primitive> all) {
    Map<ValueType, List<Primitive>> out = new EnumMap<>(ValueType.class);
    for (Primitive p : all) {
      out.computeIfAbsent(p.from(), t -> new ArrayList<>()).add(p);
    }
    out.replaceAll((t, list) -> List.copyOf(list));
    return out;
  }

  private static Map<String, Primitive> index(List<Primitive> all) {
    Map<String, Primitive> byId = new LinkedHashMap<>();
    for (Primitive p : all) {
      if (byId.put(p.id(), p) != null) {
        throw new IllegalStateException("duplicate primitive id " + p.id());
      }
    }
    return byId;
  }
}
