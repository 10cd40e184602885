package io.schedlab.api.codec;

import io.schedlab.api.KubeObject;
import java.util.List;

/**
 * What {@link KubeCodec#readAllWithWarnings} found: the objects in file order, and one warning per
 * skipped file (a JSON or YAML file in a folder that holds no Kubernetes object, such as a tool's
 * own data file).
 */
public record ReadResult(List<KubeObject> objects, List<String> warnings) {
  public ReadResult {
    objects = List.copyOf(objects);
    warnings = List.copyOf(warnings);
  }
}
