package org.laimark.model.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The str methods of Python 3 that chat templates use, with Python's semantics. */
final class PythonStrings {

  static final Object NOT_HANDLED = new Object();

  private PythonStrings() {}

  static Object call(String s, String method, Object[] args) {
    switch (method) {
      case "startswith":
        return PythonMethods.strings(args[0]).stream().anyMatch(s::startsWith);
      case "endswith":
        return PythonMethods.strings(args[0]).stream().anyMatch(s::endsWith);
      case "strip":
        return rstrip(lstrip(s, chars(args)), chars(args));
      case "lstrip":
        return lstrip(s, chars(args));
      case "rstrip":
        return rstrip(s, chars(args));
      case "split":
        return split(
            s, args.length > 0 ? (String) args[0] : null, args.length > 1 ? toInt(args[1]) : -1);
      case "splitlines":
        return List.of(s.split("\r\n|\r|\n", -1)).subList(0, s.isEmpty() ? 0 : lineCount(s));
      case "replace":
        return replace(
            s,
            String.valueOf(args[0]),
            String.valueOf(args[1]),
            args.length > 2 ? toInt(args[2]) : -1);
      case "upper":
        return s.toUpperCase(Locale.ROOT);
      case "lower":
        return s.toLowerCase(Locale.ROOT);
      case "capitalize":
        return s.isEmpty()
            ? s
            : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
      case "title":
        return title(s);
      case "find":
        return s.indexOf(String.valueOf(args[0]));
      case "count":
        return count(s, String.valueOf(args[0]));
      case "join":
        return String.join(s, PythonMethods.strings(args[0]));
      default:
        return NOT_HANDLED;
    }
  }

  private static String chars(Object[] args) {
    return args.length == 0 || args[0] == null ? null : String.valueOf(args[0]);
  }

  private static boolean strippable(char c, String chars) {
    return chars == null ? isPythonSpace(c) : chars.indexOf(c) >= 0;
  }

  private static boolean isPythonSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }

  static String lstrip(String s, String chars) {
    int start = 0;
    while (start < s.length() && strippable(s.charAt(start), chars)) {
      start++;
    }
    return s.substring(start);
  }

  static String rstrip(String s, String chars) {
    int end = s.length();
    while (end > 0 && strippable(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(0, end);
  }

  static List<String> split(String s, String separator, int maxSplit) {
    List<String> parts = new ArrayList<>();
    if (separator == null) {
      // Runs of whitespace separate; leading and trailing whitespace yields no empty parts.
      int i = 0;
      while (i < s.length()) {
        while (i < s.length() && isPythonSpace(s.charAt(i))) {
          i++;
        }
        if (i == s.length()) {
          break;
        }
        if (maxSplit >= 0 && parts.size() == maxSplit) {
          parts.add(rstrip(s.substring(i), null));
          break;
        }
        int start = i;
        while (i < s.length() && !isPythonSpace(s.charAt(i))) {
          i++;
        }
        parts.add(s.substring(start, i));
      }
      return parts;
    }
    if (separator.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    int from = 0;
    while (maxSplit < 0 || parts.size() < maxSplit) {
      int at = s.indexOf(separator, from);
      if (at < 0) {
        break;
      }
      parts.add(s.substring(from, at));
      from = at + separator.length();
    }
    parts.add(s.substring(from));
    return parts;
  }

  private static String replace(String s, String old, String replacement, int count) {
    if (count < 0) {
      return s.replace(old, replacement);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int n = 0; n < count; n++) {
      int at = s.indexOf(old, from);
      if (at < 0) {
        break;
      }
      out.append(s, from, at).append(replacement);
      from = at + old.length();
    }
    return out.append(s.substring(from)).toString();
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean previousCased = false;
    for (char c : s.toCharArray()) {
      out.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
      previousCased = Character.isLetter(c);
    }
    return out.toString();
  }

  private static int count(String s, String sub) {
    if (sub.isEmpty()) {
      return s.length() + 1;
    }
    int n = 0;
    for (int at = s.indexOf(sub); at >= 0; at = s.indexOf(sub, at + sub.length())) {
      n++;
    }
    return n;
  }

  private static int lineCount(String s) {
    String[] lines = s.split("\r\n|\r|\n", -1);
    // A trailing line break does not start a new line in Python's splitlines.
    return lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
  }

  private static int toInt(Object value) {
    return ((Number) value).intValue();
  }
}
