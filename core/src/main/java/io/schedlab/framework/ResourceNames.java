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
    if (isNative(name) || name.startsWith("requests.")) {
      return false;
    }
    return isQualifiedName("requests." + name);
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

  /** Kubernetes IsQualifiedName: an optional DNS-1123 subdomain prefix and a name of at most 63 characters. */
  static boolean isQualifiedName(String value) {
    String name = value;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      if (value.indexOf('/', slash + 1) >= 0) {
        return false;
      }
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253
          || !prefix.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63
        && name.matches("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  }
}
