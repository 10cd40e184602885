package io.schedlab.traces.kubedump;

import io.schedlab.api.KubeObject;
import io.schedlab.api.Node;
import io.schedlab.api.Pod;
import io.schedlab.api.codec.KubeCodec;
import io.schedlab.api.codec.ManifestException;
import io.schedlab.traces.TraceEvent;
import io.schedlab.traces.TraceEvent.NodeAdded;
import io.schedlab.traces.TraceEvent.PodSubmitted;
import io.schedlab.traces.TraceFormat;
import io.schedlab.traces.TraceFormatException;
import io.schedlab.traces.TraceHeader;
import io.schedlab.traces.TraceOptions;
import io.schedlab.traces.TraceSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.schedlab.traces.text.BadRows;
import io.schedlab.traces.text.ListSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Kubernetes cluster dump as an initial state: the output of {@code kubectl get nodes,pods -A
 * -o yaml} (a {@code v1.List}), or any files or folders of manifests, read with {@link KubeCodec}
 * (folders recursively, {@code .yaml}/{@code .yml}/{@code .json} files in name order).
 *
 * <p>Events, all at time 0: a {@code NodeAdded} for every Node, then a {@code PodSubmitted} for
 * every Pod (duration unknown), each in input order. Bound pods keep {@code spec.nodeName}, so a
 * consumer can place them directly. Other kinds (workloads, DaemonSets, StorageClasses...) are
 * not expanded into pods; their count is the header attribute {@code ignoredObjects}.
 *
 * <p>In a folder, files holding no document with a {@code kind} are skipped (as the codec does
 * for folders), counted in the header attribute {@code skippedFiles}.
 *
 * <p>A dump is a snapshot that fits in memory by nature, so each input is read whole when opened.
 * A file that cannot be read (malformed YAML, a wrong field type) fails with the codec's message;
 * with {@code skipBadRows} the whole file counts as one bad row and is skipped, since one bad
 * document leaves the rest of a file's structure uncertain.
 */
public final class KubeDumpFormat implements TraceFormat {
  public static final String NAME = "kube-dump";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Kubernetes cluster dump (kubectl get nodes,pods -A -o yaml, or folders of manifests)"
        + " as the state at time 0";
  }

  @Override
  public TraceSource open(List<Path> inputs, TraceOptions options) {
    if (inputs.isEmpty()) {
      throw new TraceFormatException(NAME, 0, "expected a dump file or a folder, got no input");
    }
    List<TraceEvent> nodes = new ArrayList<>();
    List<TraceEvent> pods = new ArrayList<>();
    long ignored = 0;
    BadRows bad = new BadRows(options.skipBadRows());
    long skippedFiles = 0;
    List<String> names = new ArrayList<>();
    for (Path input : inputs) {
      names.add(input.toString());
      if (!Files.exists(input)) {
        throw new TraceFormatException(input.toString(), 0,
            "expected a file or a folder, got nothing (no such file)");
      }
      boolean folder = Files.isDirectory(input);
      for (Path file : files(input)) {
        if (folder && !holdsKind(file)) {
          skippedFiles++;
          continue;
        }
        List<KubeObject> objects;
        try {
          objects = KubeCodec.readAllWithWarnings(file).objects();
        } catch (ManifestException e) {
          bad.handle(new TraceFormatException(file.toString(), lineOf(e), detailOf(e, file)));
          continue;
        }
        for (KubeObject o : objects) {
          if (o instanceof Node n) {
            nodes.add(new NodeAdded(0, n));
          } else if (o instanceof Pod p) {
            pods.add(new PodSubmitted(0, p));
          } else {
            ignored++;
          }
        }
      }
    }
    List<TraceEvent> events = new ArrayList<>(nodes.size() + pods.size());
    events.addAll(nodes);
    events.addAll(pods);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("nodes", Long.toString(nodes.size()));
    attributes.put("pods", Long.toString(pods.size()));
    attributes.put("ignoredObjects", Long.toString(ignored));
    attributes.put("skippedFiles", Long.toString(skippedFiles));
    TraceHeader header = new TraceHeader(TraceHeader.CURRENT_VERSION, NAME,
        String.join(",", names), attributes);
    return new ListSource(header, events, bad.count());
  }

  /** A folder's manifest files, as the codec would read them, so a bad one can be skipped alone. */
  private static List<Path> files(Path input) {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    List<Path> out = new ArrayList<>();
    try (var walk = Files.walk(input)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean hidden = false;
        for (Path part : input.relativize(p)) {
          hidden |= part.toString().startsWith(".");
        }
        if (!hidden && Files.isRegularFile(p)
            && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))) {
          out.add(p);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new TraceFormatException(input.toString(), 0, "cannot read: " + e.getMessage());
    }
    return out;
  }

  /**
   * Whether a folder's file has a document with a {@code kind}: as the codec does for folders,
   * files that are not Kubernetes objects (tool configs, device inventories) are skipped, not
   * errors. A file that does not parse counts as holding one, so the codec reports it.
   */
  private static boolean holdsKind(Path file) {
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    ObjectMapper mapper = json ? KubeCodec.jsonMapper() : KubeCodec.yamlMapper();
    try (MappingIterator<JsonNode> docs = mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** The line of a {@code line:column} location, else 0. */
  private static long lineOf(ManifestException e) {
    String loc = e.location();
    if (loc == null || loc.isEmpty() || !Character.isDigit(loc.charAt(0))) {
      return 0;
    }
    int colon = loc.indexOf(':');
    return Long.parseLong(colon < 0 ? loc : loc.substring(0, colon));
  }

  /** The codec's message without the file prefix (TraceFormatException adds file and line). */
  private static String detailOf(ManifestException e, Path file) {
    String msg = e.getMessage();
    String loc = e.location();
    String prefix = file.toString();
    if (msg.startsWith(prefix)) {
      msg = msg.substring(prefix.length());
      if (loc != null && lineOf(e) > 0 && msg.startsWith(":" + loc)) {
        msg = msg.substring(loc.length() + 1);
      }
      msg = msg.startsWith(": ") ? msg.substring(2) : msg;
    }
    return msg;
  }
}
