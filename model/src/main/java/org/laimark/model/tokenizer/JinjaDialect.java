package org.laimark.model.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the two Jinja2 constructs Hugging Face chat templates use that Jinjava's parser reads
 * differently, leaving everything else untouched:
 *
 * <ul>
 *   <li>the reversing slice {@code xs[::-1]} (a parse error in Jinjava) becomes {@code
 *       (xs|reverse|list)};
 *   <li>a keyword argument's value is parenthesised, {@code namespace(i=xs|length - 1)} becoming
 *       {@code namespace(i=(xs|length - 1))}, because Jinjava binds {@code name=value} tighter than
 *       arithmetic.
 * </ul>
 *
 * Only the insides of {@code {{ }}} and {@code {% %}} are touched; string literals are skipped.
 */
final class JinjaDialect {

  private static final Pattern KEYWORD =
      Pattern.compile("^(\\s*[A-Za-z_]\\w*\\s*)=(?!=)(.*)$", Pattern.DOTALL);

  private JinjaDialect() {}

  static String adapt(String template) {
    StringBuilder out = new StringBuilder(template.length() + 64);
    int i = 0;
    while (i < template.length()) {
      int open = nextTagStart(template, i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      String close = template.charAt(open + 1) == '{' ? "}}" : "%}";
      int end = tagEnd(template, open + 2, close);
      out.append(template, i, open + 2);
      out.append(expression(template.substring(open + 2, end)));
      i = end;
    }
    return out.toString();
  }

  private static int nextTagStart(String s, int from) {
    int expression = s.indexOf("{{", from);
    int statement = s.indexOf("{%", from);
    if (expression < 0) {
      return statement;
    }
    return statement < 0 ? expression : Math.min(expression, statement);
  }

  /** Index of the closing delimiter, skipping string literals. */
  private static int tagEnd(String s, int from, String close) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipString(s, i);
      } else if (s.startsWith(close, i)) {
        return i;
      } else {
        i++;
      }
    }
    return s.length();
  }

  static String expression(String e) {
    return keywordArguments(reversingSlices(e));
  }

  private static String reversingSlices(String e) {
    int at = indexOutsideStrings(e, "[::-1]", 0);
    while (at >= 0) {
      int start = primaryStart(e, at);
      String operand = e.substring(start, at);
      String replacement = "(" + operand + "|reverse|list)";
      e = e.substring(0, start) + replacement + e.substring(at + "[::-1]".length());
      at = indexOutsideStrings(e, "[::-1]", start + replacement.length());
    }
    return e;
  }

  /** Start of the operand ending at {@code end}: a name with attribute, index and call suffixes. */
  private static int primaryStart(String e, int end) {
    int i = end;
    while (i > 0) {
      char c = e.charAt(i - 1);
      if (c == ']' || c == ')') {
        i = matchingOpen(e, i - 1);
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        i--;
      } else {
        break;
      }
    }
    return i;
  }

  private static int matchingOpen(String e, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      char c = e.charAt(i);
      if (c == ')' || c == ']') {
        depth++;
      } else if (c == '(' || c == '[') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return 0;
  }

  /**
   * Inside every parenthesised argument list, wraps each {@code name=value} value in parentheses.
   */
  private static String keywordArguments(String e) {
    StringBuilder out = new StringBuilder(e.length() + 16);
    int i = 0;
    while (i < e.length()) {
      char c = e.charAt(i);
      if (c == '\'' || c == '"') {
        int end = skipString(e, i);
        out.append(e, i, end);
        i = end;
      } else if (c == '(') {
        int close = matchingClose(e, i);
        out.append('(')
            .append(arguments(e.substring(i + 1, close)))
            .append(close < e.length() ? ")" : "");
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String arguments(String inside) {
    StringBuilder out = new StringBuilder();
    for (String argument : splitTopLevel(inside)) {
      if (out.length() > 0) {
        out.append(',');
      }
      Matcher m = KEYWORD.matcher(argument);
      if (m.matches()) {
        out.append(m.group(1)).append("=(").append(keywordArguments(m.group(2))).append(')');
      } else {
        out.append(keywordArguments(argument));
      }
    }
    return out.toString();
  }

  private static List<String> splitTopLevel(String s) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipString(s, i);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static int matchingClose(String e, int open) {
    int depth = 0;
    int i = open;
    while (i < e.length()) {
      char c = e.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipString(e, i);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
      i++;
    }
    return e.length();
  }

  private static int indexOutsideStrings(String e, String needle, int from) {
    int i = from;
    while (i < e.length()) {
      char c = e.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipString(e, i);
      } else if (e.startsWith(needle, i)) {
        return i;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** Index just after the string literal starting at {@code quote}. */
  private static int skipString(String s, int quote) {
    char q = s.charAt(quote);
    int i = quote + 1;
    while (i < s.length() && s.charAt(i) != q) {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, s.length());
  }
}
