package io.schedlab.plugins.interpodaffinity;

import io.schedlab.api.LabelSelector;
import io.schedlab.api.LabelSelectorRequirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The error text upstream produces when {@code metav1.LabelSelectorAsSelector} refuses a
 * selector, because InterPodAffinity's PreFilter reports it verbatim ({@code parsing pod: ...}).
 * It follows apimachinery's {@code labels.NewRequirement} (field paths {@code key} and {@code
 * values[i][key]}, the {@code field.Error} layout, errors of one requirement aggregated as {@code
 * [a, b]}) and the {@code IsQualifiedName} / {@code IsValidLabelValue} messages. Lengths are
 * counted in UTF-8 bytes, as Go does. Only used when a selector is compiled, never per node.
 */
final class SelectorErrors {
  private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  private static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
  private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);
  private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
  private static final String QUALIFIED_NAME_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final String LABEL_VALUE_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  private static final String DNS1123_SUBDOMAIN_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character";

  private SelectorErrors() {}

  /** Upstream's error for this selector, or null when upstream accepts it. */
  static String of(LabelSelector selector) {
    if (selector == null) {
      return null;
    }
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      String err = requirementError(e.getKey(), "=", List.of(e.getValue()));
      if (err != null) {
        return err;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      String op = r.operator() == null ? "" : r.operator();
      if (!op.equals("In") && !op.equals("NotIn") && !op.equals("Exists")
          && !op.equals("DoesNotExist")) {
        return goQuote(op) + " is not a valid label selector operator";
      }
      String err = requirementError(r.key() == null ? "" : r.key(), op, r.values());
      if (err != null) {
        return err;
      }
    }
    return null;
  }

  private static String requirementError(String key, String op, List<String> values) {
    List<String> errs = new ArrayList<>(2);
    List<String> keyErrs = qualifiedNameErrors(key);
    if (!keyErrs.isEmpty()) {
      errs.add("key: Invalid value: " + goQuote(key) + ": " + String.join("; ", keyErrs));
    }
    switch (op) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          errs.add("values: Invalid value: " + goSlice(values)
              + ": for 'in', 'notin' operators, values set can't be empty");
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          errs.add("values: Invalid value: " + goSlice(values)
              + ": values set must be empty for exists and does not exist");
        }
      }
      default -> { }
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i) == null ? "" : values.get(i);
      List<String> valueErrs = labelValueErrors(v);
      if (!valueErrs.isEmpty()) {
        errs.add("values[" + i + "][" + key + "]: Invalid value: " + goQuote(v) + ": "
            + String.join("; ", valueErrs));
      }
    }
    return aggregate(errs);
  }

  /** {@code utilerrors.NewAggregate(...).Error()}: one message as is, several deduplicated in brackets. */
  static String aggregate(List<String> errs) {
    if (errs.isEmpty()) {
      return null;
    }
    if (errs.size() == 1) {
      return errs.get(0);
    }
    List<String> seen = new ArrayList<>(errs.size());
    for (String e : errs) {
      if (!seen.contains(e)) {
        seen.add(e);
      }
    }
    return seen.size() == 1 ? seen.get(0) : "[" + String.join(", ", seen) + "]";
  }

  /** {@code validation.IsQualifiedName}. */
  static List<String> qualifiedNameErrors(String value) {
    List<String> errs = new ArrayList<>(2);
    int slash = value.indexOf('/');
    String name = value;
    if (slash >= 0) {
      if (value.indexOf('/', slash + 1) >= 0) {
        errs.add("a qualified name "
            + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        return errs;
      }
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty()) {
        errs.add("prefix part must be non-empty");
      } else {
        if (utf8Length(prefix) > 253) {
          errs.add("prefix part must be no more than 253 characters");
        }
        if (!DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
          errs.add("prefix part "
              + regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
      }
    }
    if (name.isEmpty()) {
      errs.add("name part must be non-empty");
    } else if (utf8Length(name) > 63) {
      errs.add("name part must be no more than 63 characters");
    }
    if (!QUALIFIED_NAME.matcher(name).matches()) {
      errs.add("name part "
          + regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
    }
    return errs;
  }

  /** {@code validation.IsValidLabelValue}. */
  static List<String> labelValueErrors(String value) {
    List<String> errs = new ArrayList<>(2);
    if (utf8Length(value) > 63) {
      errs.add("must be no more than 63 characters");
    }
    if (!LABEL_VALUE.matcher(value).matches()) {
      errs.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return errs;
  }

  /** {@code validation.RegexError}, with its doubled space before each further example. */
  private static String regexError(String msg, String fmt, String... examples) {
    StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        sb.append(" or ");
      }
      sb.append('\'').append(examples[i]).append("', ");
    }
    return sb.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Go's {@code %#v} of a {@code []string} built by appending to a nil slice. */
  private static String goSlice(List<String> values) {
    if (values.isEmpty()) {
      return "[]string(nil)";
    }
    StringBuilder sb = new StringBuilder("[]string{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(goQuote(values.get(i) == null ? "" : values.get(i)));
    }
    return sb.append('}').toString();
  }

  /** Go's {@code %q} for the printable strings labels hold; control characters are escaped. */
  static String goQuote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
