package io.schedlab.api.match;

/**
 * Label key and value syntax, as apimachinery's {@code IsQualifiedName} and {@code
 * IsValidLabelValue}: checked when a selector is compiled, because upstream refuses to build a
 * requirement with a malformed key or value.
 */
final class LabelSyntax {
  private static final int NAME_MAX = 63;
  private static final int PREFIX_MAX = 253;
  private static final String NAME_RULE =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";

  private LabelSyntax() {}

  /** Why {@code key} is not a valid label key, or null when it is. */
  static String keyError(String key) {
    if (key == null) {
      return "name part must be non-empty";
    }
    int slash = key.indexOf('/');
    String name = key;
    if (slash >= 0) {
      if (key.indexOf('/', slash + 1) >= 0) {
        return "a qualified name " + NAME_RULE
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
      }
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        return "prefix part must be non-empty";
      }
      String prefixError = dnsSubdomainError(prefix);
      if (prefixError != null) {
        return "prefix part " + prefixError;
      }
    }
    if (name.isEmpty()) {
      return "name part must be non-empty";
    }
    if (name.length() > NAME_MAX) {
      return "name part must be no more than 63 characters";
    }
    if (!isQualifiedNamePart(name)) {
      return "name part " + NAME_RULE;
    }
    return null;
  }

  /** Why {@code value} is not a valid label value, or null when it is. */
  static String valueError(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > NAME_MAX) {
      return "must be no more than 63 characters";
    }
    if (!isQualifiedNamePart(value)) {
      return "a valid label must be an empty string or consist of alphanumeric characters, '-',"
          + " '_' or '.', and must start and end with an alphanumeric character";
    }
    return null;
  }

  /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} */
  private static boolean isQualifiedNamePart(String s) {
    int n = s.length();
    if (n == 0 || !isAlphanumeric(s.charAt(0)) || !isAlphanumeric(s.charAt(n - 1))) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = s.charAt(i);
      if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** {@code IsDNS1123Subdomain}: lowercase labels of [a-z0-9-] joined by dots, at most 253. */
  private static String dnsSubdomainError(String s) {
    if (s.length() > PREFIX_MAX) {
      return "must be no more than 253 characters";
    }
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      int end = dot < 0 ? s.length() : dot;
      if (!isDnsLabel(s, start, end)) {
        return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
            + " characters, '-' or '.', and must start and end with an alphanumeric character";
      }
      if (dot < 0) {
        return null;
      }
      start = dot + 1;
    }
  }

  private static boolean isDnsLabel(String s, int from, int to) {
    if (to <= from || !isLowerAlphanumeric(s.charAt(from))
        || !isLowerAlphanumeric(s.charAt(to - 1))) {
      return false;
    }
    for (int i = from + 1; i < to - 1; i++) {
      char c = s.charAt(i);
      if (!isLowerAlphanumeric(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isLowerAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /**
   * Go's {@code strconv.ParseInt(s, 10, 64)}: optional sign, ASCII digits, no spaces.
   *
   * @return whether it parsed; the value goes to {@code out[0]}
   */
  static boolean parseInt64(String s, long[] out) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    int i = 0;
    boolean negative = false;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      negative = c0 == '-';
      i = 1;
      if (s.length() == 1) {
        return false;
      }
    }
    long v = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int d = c - '0';
      // Accumulate negatively so that Long.MIN_VALUE parses.
      if (v < (Long.MIN_VALUE + d) / 10) {
        return false;
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        return false;
      }
      v = -v;
    }
    out[0] = v;
    return true;
  }
}
