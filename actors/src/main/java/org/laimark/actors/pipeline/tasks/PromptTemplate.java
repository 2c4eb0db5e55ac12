package org.laimark.actors.pipeline.tasks;

import java.util.Map;

/**
 * Fills {@code {name}} placeholders in one pass: a value that itself contains {@code {name}} (code
 * often does) is never expanded again. Unknown placeholders are left as written.
 */
public final class PromptTemplate {

  private PromptTemplate() {}

  public static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + 256);
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        break;
      }
      int close = template.indexOf('}', open);
      String value = close < 0 ? null : values.get(template.substring(open + 1, close));
      if (value == null) {
        out.append(template, i, open + 1);
        i = open + 1;
      } else {
        out.append(template, i, open).append(value);
        i = close + 1;
      }
    }
    return out.append(template.substring(i)).toString();
  }
}
