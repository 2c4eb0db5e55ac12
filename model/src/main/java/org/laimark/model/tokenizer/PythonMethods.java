package org.laimark.model.tokenizer;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python's str methods ({@code startswith}, {@code strip('\n')}, {@code split}, ...) and {@code
 * dict.get(key, default)} for Jinjava, which otherwise only offers Java methods. Hugging Face chat
 * templates are Jinja2 rendered by Python, so they call these freely (Qwen3's template splits and
 * strips think blocks). Also negative string indexing ({@code s[-1]}). Anything else falls through
 * to Jinjava's own resolvers.
 */
final class PythonMethods extends ELResolver {

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
    if (method == null) {
      return null;
    }
    Object[] args = params == null ? new Object[0] : params;
    Object result;
    if (base instanceof String) {
      result = PythonStrings.call((String) base, method.toString(), args);
    } else if (base instanceof Map && method.toString().equals("get") && args.length == 2) {
      Map<?, ?> map = (Map<?, ?>) base;
      result = map.containsKey(args[0]) ? map.get(args[0]) : args[1];
    } else {
      return null;
    }
    if (result == PythonStrings.NOT_HANDLED) {
      return null;
    }
    context.setPropertyResolved(true);
    return result;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base instanceof String && property instanceof Number) {
      String s = (String) base;
      int index = ((Number) property).intValue();
      int at = index < 0 ? s.length() + index : index;
      if (at >= 0 && at < s.length()) {
        context.setPropertyResolved(true);
        return String.valueOf(s.charAt(at));
      }
    }
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {}

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return true;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection) {
      ((Collection<?>) value).forEach(v -> out.add(String.valueOf(v)));
    } else if (value instanceof Object[]) {
      for (Object v : (Object[]) value) {
        out.add(String.valueOf(v));
      }
    } else {
      out.add(String.valueOf(value));
    }
    return out;
  }
}
