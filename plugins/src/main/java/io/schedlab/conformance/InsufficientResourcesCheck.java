package io.schedlab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.schedlab.framework.NodeInfo;
import io.schedlab.plugins.noderesources.NodeResourcesFit;
import io.schedlab.plugins.noderesources.NodeResourcesFit.InsufficientResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code expect.insufficientResources} of the NodeResourcesFit filter file: what upstream's
 * fitsRequest returns for the incoming pod on the case's single node, in order. An entry without
 * {@code unresolvable} means false.
 */
final class InsufficientResourcesCheck implements PluginStagesScenario.Check {
  @Override
  public void check(StageRun run, JsonNode expected, Mismatches out) {
    if (!(run.plugin() instanceof NodeResourcesFit fit)) {
      throw new NotEvaluatedException("insufficientResources needs the NodeResourcesFit plugin");
    }
    List<NodeInfo> nodes = run.world().nodes();
    if (nodes.size() != 1) {
      throw new NotEvaluatedException("insufficientResources needs exactly one node, the case has " + nodes.size());
    }
    if (expected == null || !expected.isArray()) {
      throw new NotEvaluatedException("expect.insufficientResources: expected a list, found " + expected);
    }
    List<InsufficientResource> want = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      want.add(parse(expected.get(i), "expect.insufficientResources[" + i + "]"));
    }
    List<InsufficientResource> got = fit.fitsRequest(run.pod().requests(), nodes.get(0));
    out.check("insufficientResources", want, List.copyOf(got));
  }

  private static InsufficientResource parse(JsonNode n, String where) {
    Map<String, JsonNode> f = ExpectValues.object(n, where);
    for (String key : f.keySet()) {
      if (!List.of("resourceName", "reason", "requested", "used", "capacity", "unresolvable").contains(key)) {
        throw new NotEvaluatedException(where + ": unknown key \"" + key + "\"");
      }
    }
    return new InsufficientResource(
        ExpectValues.text(f.get("resourceName"), where + ".resourceName"),
        ExpectValues.text(f.get("reason"), where + ".reason"),
        ExpectValues.integer(f.get("requested"), where + ".requested"),
        ExpectValues.integer(f.get("used"), where + ".used"),
        ExpectValues.integer(f.get("capacity"), where + ".capacity"),
        f.containsKey("unresolvable") && ExpectValues.bool(f.get("unresolvable"), where + ".unresolvable"));
  }
}
