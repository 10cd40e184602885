package io.schedlab.traces.google2011;

/**
 * Turns the trace's hashed strings into valid Kubernetes label text. The 2011 trace writes
 * hashes in standard base64 ({@code +}, {@code /} and a trailing {@code =}), which label keys
 * and values cannot hold, and node affinity rejects such keys. Text that is already a valid
 * label value (integers, plain words) is kept; anything else becomes {@code h<text>h} with
 * {@code +} → {@code -}, {@code /} → {@code _} and {@code =} dropped. Base64 never contains
 * {@code -} or {@code _}, so distinct hashes stay distinct, and the same function is applied to
 * node labels and to constraint values, so matches are preserved.
 */
final class LabelText {
  private static final int MAX = 63;

  private LabelText() {}

  static String encode(String text) {
    if (isValidValue(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 2).append('h');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '+' -> b.append('-');
        case '/' -> b.append('_');
        case '=' -> { }
        default -> b.append(isAllowed(c) ? c : '.');
      }
    }
    return b.append('h').toString();
  }

  static boolean isValidValue(String s) {
    if (s.isEmpty()) {
      return true;
    }
    if (s.length() > MAX || !isAlphanumeric(s.charAt(0)) || !isAlphanumeric(s.charAt(s.length() - 1))) {
      return false;
    }
    for (int i = 1; i < s.length() - 1; i++) {
      if (!isAllowed(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAllowed(char c) {
    return isAlphanumeric(c) || c == '-' || c == '_' || c == '.';
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
