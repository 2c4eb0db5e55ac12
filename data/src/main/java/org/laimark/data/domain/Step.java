package org.laimark.data.domain;

import java.util.List;

/** One primitive applied with its parameter values. */
public record Step(Primitive primitive, List<Integer> params) {

  public Step {
    params = List.copyOf(params);
    if (params.size() != primitive.params().size()) {
      throw new IllegalArgumentException(
          primitive.id() + " takes " + primitive.params().size() + " parameters, got " + params.size());
    }
  }

  public Object apply(Object input) {
    int[] p = params.stream().mapToInt(Integer::intValue).toArray();
    Object out = primitive.semantics().apply(input, p);
    DomainBounds.check(out);
    return out;
  }

  public String nameFragment() {
    return primitive.nameFragment(params);
  }

  public String phrase(int variant) {
    return primitive.phrase(variant, params);
  }

  /** The Python statement computing this step: {@code nums = [x * x for x in nums]}. */
  public String pythonStatement() {
    return primitive.to().variable() + " = " + primitive.pythonExpression(primitive.from().variable(), params);
  }
}
