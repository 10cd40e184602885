package io.schedlab.framework;

/** Upstream's resource-name classification (v1helper and schedutil). */
public final class ResourceNames {
  private ResourceNames() {}

  /** A resource whose name has no domain or the kubernetes.io domain. */
  public static boolean isNative(String name) {
    return !name.contains("/") || isPrefixedNative(name);
  }

  public static boolean isPrefixedNative(String name) {
    return name.contains("kubernetes.io/");
  }

  /** Extended: not native, not "requests."-prefixed, and a qualified name once so prefixed. */
  public static boolean isExtended(String name) {
    Boolean known = EXTENDED.get(name);
    if (known != null) {
      return known;
    }
    boolean e = !isNative(name) && !name.startsWith("requests.")
        && isQualifiedName("requests." + name);
    if (EXTENDED.size() < 4096) {
      EXTENDED.put(name, e);
    }
    return e;
  }

  public static boolean isHugePages(String name) {
    return name.startsWith("hugepages-");
  }

  public static boolean isAttachableVolume(String name) {
    return name.startsWith("attachable-volumes-");
  }

  /** Resources counted as "scalar" by the scheduler (extended, hugepages, prefixed native, attachable volumes). */
  public static boolean isScalar(String name) {
    return isExtended(name) || isHugePages(name) || isPrefixedNative(name) || isAttachableVolume(name);
  }

  private static final java.util.regex.Pattern DNS1123_SUBDOMAIN = java.util.regex.Pattern.compile(
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final java.util.regex.Pattern QUALIFIED_NAME =
      java.util.regex.Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  /** Filter asks per node and request; a cluster has a handful of resource names. */
  private static final java.util.Map<String, Boolean> QUALIFIED =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, Boolean> EXTENDED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Kubernetes IsQualifiedName: an optional DNS-1123 subdomain prefix and a name of at most 63 characters. */
  static boolean isQualifiedName(String value) {
    Boolean known = QUALIFIED.get(value);
    if (known != null) {
      return known;
    }
    boolean q = checkQualifiedName(value);
    if (QUALIFIED.size() < 4096) {
      QUALIFIED.put(value, q);
    }
    return q;
  }

  private static boolean checkQualifiedName(String value) {
    String name = value;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      if (value.indexOf('/', slash + 1) >= 0) {
        return false;
      }
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253
          || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63
        && QUALIFIED_NAME.matcher(name).matches();
  }
}
