package io.schedlab.api.match;

import io.schedlab.api.Taint;
import io.schedlab.api.Toleration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Taint toleration with the semantics of upstream's {@code Toleration.ToleratesTaint} and
 * component-helpers' {@code TolerationsTolerateTaint} and {@code FindMatchingUntoleratedTaint}.
 *
 * <p>An empty toleration effect matches every effect; an empty key matches every key; the
 * operator "" means Equal (values compared); Exists ignores the value; any other operator
 * tolerates nothing. A null string counts as empty.
 *
 * <p>The numeric operators Gt and Lt belong to the alpha feature gate {@code
 * TaintTolerationComparisonOperators}, off by default, so the plain methods treat them as
 * unknown. The overloads taking {@code comparisonOperators = true} enable them: the taint's value
 * is compared with the toleration's as int64, and a value that does not parse tolerates nothing.
 */
public final class Tolerations {

  /** Taints the scheduler's filter considers: effect NoSchedule or NoExecute. */
  public static final Predicate<Taint> NO_SCHEDULE_OR_NO_EXECUTE = t ->
      Taint.NO_SCHEDULE.equals(t.effect()) || Taint.NO_EXECUTE.equals(t.effect());

  private static final int NOT_TOLERATED = 0;
  private static final int TOLERATED = 1;
  private static final int PARSE_ERROR = 2;

  private Tolerations() {}

  /** Whether {@code toleration} tolerates {@code taint}; Gt and Lt disabled. */
  public static boolean tolerates(Toleration toleration, Taint taint) {
    return check(toleration, taint, false) == TOLERATED;
  }

  /** Whether {@code toleration} tolerates {@code taint}, with Gt and Lt when enabled. */
  public static boolean tolerates(Toleration toleration, Taint taint,
      boolean comparisonOperators) {
    return check(toleration, taint, comparisonOperators) == TOLERATED;
  }

  /**
   * Whether any of {@code tolerations} tolerates {@code taint} (upstream's {@code
   * TolerationsTolerateTaint}); Gt and Lt disabled.
   */
  public static boolean toleratesAll(List<Toleration> tolerations, Taint taint) {
    return toleratesAll(tolerations, taint, false);
  }

  /** Whether any of {@code tolerations} tolerates {@code taint}, with Gt and Lt when enabled. */
  public static boolean toleratesAll(List<Toleration> tolerations, Taint taint,
      boolean comparisonOperators) {
    for (int i = 0; i < tolerations.size(); i++) {
      if (check(tolerations.get(i), taint, comparisonOperators) == TOLERATED) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first taint that passes {@code inclusionFilter} (every taint for a null filter) and that
   * no toleration tolerates, or null; Gt and Lt disabled.
   */
  public static Taint findUntoleratedTaint(
      List<Taint> taints, List<Toleration> tolerations, Predicate<Taint> inclusionFilter) {
    return findUntoleratedTaint(taints, tolerations, inclusionFilter, false);
  }

  /**
   * As {@link #findUntoleratedTaint(List, List, Predicate)}, with Gt and Lt when enabled. Like
   * upstream, a taint that is untolerated only because a Gt/Lt value did not parse is reported
   * only when no taint is cleanly untolerated, so the answer does not depend on taint order.
   */
  public static Taint findUntoleratedTaint(List<Taint> taints, List<Toleration> tolerations,
      Predicate<Taint> inclusionFilter, boolean comparisonOperators) {
    Taint firstParseError = null;
    for (int i = 0; i < taints.size(); i++) {
      Taint taint = taints.get(i);
      if (inclusionFilter != null && !inclusionFilter.test(taint)) {
        continue;
      }
      boolean tolerated = false;
      boolean parseError = false;
      for (int j = 0; j < tolerations.size() && !tolerated; j++) {
        int r = check(tolerations.get(j), taint, comparisonOperators);
        tolerated = r == TOLERATED;
        parseError |= r == PARSE_ERROR;
      }
      if (tolerated) {
        continue;
      }
      if (!parseError) {
        return taint;
      }
      if (firstParseError == null) {
        firstParseError = taint;
      }
    }
    return firstParseError;
  }

  private static int check(Toleration toleration, Taint taint, boolean comparisonOperators) {
    String effect = nz(toleration.effect());
    if (!effect.isEmpty() && !effect.equals(nz(taint.effect()))) {
      return NOT_TOLERATED;
    }
    String key = nz(toleration.key());
    if (!key.isEmpty() && !key.equals(nz(taint.key()))) {
      return NOT_TOLERATED;
    }
    String op = nz(toleration.operator());
    switch (op) {
      case "":
      case "Equal":
        return nz(toleration.value()).equals(nz(taint.value())) ? TOLERATED : NOT_TOLERATED;
      case "Exists":
        return TOLERATED;
      case "Gt":
      case "Lt":
        if (!comparisonOperators) {
          return NOT_TOLERATED;
        }
        long[] limit = new long[1];
        long[] actual = new long[1];
        if (!LabelSyntax.parseInt64(toleration.value(), limit)
            || !LabelSyntax.parseInt64(taint.value(), actual)) {
          return PARSE_ERROR;
        }
        boolean ok = op.equals("Gt") ? actual[0] > limit[0] : actual[0] < limit[0];
        return ok ? TOLERATED : NOT_TOLERATED;
      default:
        return NOT_TOLERATED;
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
