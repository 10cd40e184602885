package io.schedlab.framework;

import io.schedlab.api.KubeObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An {@link ObjectLister} over a fixed set of objects, for worlds that do not change during a
 * cycle: plugin tests and the conformance runner. Lists come out sorted by namespace/name, as
 * the store's listers do.
 */
public final class StaticObjectLister implements ObjectLister {
  private static final Comparator<KubeObject> BY_NAMESPACE_AND_NAME =
      Comparator.comparing((KubeObject o) -> nullToEmpty(o.metadata().namespace()))
          .thenComparing(o -> nullToEmpty(o.metadata().name()));

  private final List<KubeObject> objects;

  public StaticObjectLister(List<? extends KubeObject> objects) {
    List<KubeObject> sorted = new ArrayList<>(objects);
    sorted.sort(BY_NAMESPACE_AND_NAME);
    this.objects = List.copyOf(sorted);
  }

  public static StaticObjectLister empty() {
    return new StaticObjectLister(List.of());
  }

  @Override
  public <T extends KubeObject> List<T> list(Class<T> type, String namespace) {
    boolean all = namespace == null || namespace.isEmpty();
    List<T> out = new ArrayList<>();
    for (KubeObject o : objects) {
      if (type.isInstance(o) && (all || namespace.equals(o.metadata().namespace()))) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  @Override
  public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
    String ns = nullToEmpty(namespace);
    for (KubeObject o : objects) {
      if (type.isInstance(o)
          && ns.equals(nullToEmpty(o.metadata().namespace()))
          && Objects.equals(name, o.metadata().name())) {
        return type.cast(o);
      }
    }
    return null;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
