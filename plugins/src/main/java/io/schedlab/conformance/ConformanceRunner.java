package io.schedlab.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedlab.framework.Registry;
import io.schedlab.plugins.InTreeRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs conformance case files (SCHEMA.md) against the plugins of a registry.
 *
 * <p>Every {@code *.json} below the directory is read, in path order. Each case gets a fresh
 * static world ({@link CaseWorld}) and is evaluated by the scenario registered for the file's
 * plugin ({@link Scenarios}). A case passes when every expectation it states holds; anything the
 * runner cannot evaluate (a plugin that is not registered, an unknown key, a feature gate value
 * schedlab does not implement and the scenario cannot switch) makes it fail with the reason, so a
 * run never skips a case.
 *
 * <p>Output: one line per failed expectation, {@code <file>: case "<name>": <what>: expected A,
 * got B}, then {@code N passed, N failed} counting cases.
 */
public final class ConformanceRunner {
  /** Case keys every scenario accepts: the name, the world and the plugin's args. */
  public static final Set<String> COMMON_INPUTS = commonInputs();

  private final Registry registry;
  private final Map<String, Scenario> scenarios;

  public ConformanceRunner(Registry registry, Map<String, Scenario> scenarios) {
    this.registry = registry;
    this.scenarios = Map.copyOf(scenarios);
  }

  private static Set<String> commonInputs() {
    Set<String> s = new TreeSet<>(Set.of(
        "name", "upstreamTest", "pod", "nodes", "pods", "args", "featureGates", "profile", "expect"));
    s.addAll(CaseWorld.OBJECT_INPUTS.keySet());
    return Set.copyOf(s);
  }

  /** The in-tree plugins, plus the fakes upstream's tests register, with the in-tree scenarios. */
  public static ConformanceRunner inTree() {
    return new ConformanceRunner(FakePlugins.register(InTreeRegistry.create()), Scenarios.inTree());
  }

  /**
   * Runs every case file under {@code dir} against the in-tree plugins, printing failure lines and
   * the summary to {@code out}.
   *
   * @throws ConformanceInputException when the directory or a file cannot be read
   */
  public static ConformanceReport run(Path dir, PrintStream out) {
    return inTree().runDirectory(dir, out);
  }

  public ConformanceReport runDirectory(Path dir, PrintStream out) {
    List<Path> files = caseFiles(dir);
    int passed = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    List<ConformanceReport.FileResult> results = new ArrayList<>();
    for (Path file : files) {
      String name = dir.relativize(file).toString().replace('\\', '/');
      ConformanceReport.FileResult r = runFile(CaseFile.read(file, name), out);
      passed += r.passed();
      failed += r.failed();
      failures.addAll(r.failures());
      results.add(r);
    }
    ConformanceReport report = new ConformanceReport(passed, failed, failures, results);
    out.println(report.summary());
    return report;
  }

  /** Evaluates the cases of one file, printing each failure line as it is found. */
  public ConformanceReport.FileResult runFile(CaseFile file, PrintStream out) {
    Scenario scenario = Scenarios.forPlugin(scenarios, file.plugin());
    int passed = 0;
    int failed = 0;
    List<String> failures = new ArrayList<>();
    for (ObjectNode json : file.cases()) {
      ConformanceCase c = new ConformanceCase(file, json, registry);
      List<String> lines = evaluate(c, scenario);
      if (lines.isEmpty()) {
        passed++;
      } else {
        failed++;
        for (String line : lines) {
          out.println(line);
        }
        failures.addAll(lines);
      }
    }
    return new ConformanceReport.FileResult(file.name(), file.plugin(), passed, failed, failures);
  }

  private static List<String> evaluate(ConformanceCase c, Scenario scenario) {
    Mismatches m = new Mismatches(c.fileName(), c.name());
    String refusal = refusal(c, scenario);
    if (refusal != null) {
      m.notEvaluated(refusal);
      return m.lines();
    }
    try {
      scenario.evaluate(c, m);
    } catch (NotEvaluatedException e) {
      m.notEvaluated(e.getMessage());
    } catch (ConformanceInputException e) {
      throw e;
    } catch (RuntimeException e) {
      // A plugin that throws is a failed case, not a failed run.
      m.fail("threw " + e.getClass().getSimpleName() + ": " + e.getMessage() + at(e));
    }
    return m.lines();
  }

  /** Why the case cannot be evaluated as written, or null. */
  private static String refusal(ConformanceCase c, Scenario scenario) {
    if (!c.file().unknownKeys().isEmpty()) {
      return "unknown file key(s) " + c.file().unknownKeys();
    }
    List<String> unknownInputs = new ArrayList<>();
    for (Iterator<String> it = c.json().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!COMMON_INPUTS.contains(key) && !scenario.inputKeys().contains(key)) {
        unknownInputs.add(key);
      }
    }
    if (!unknownInputs.isEmpty()) {
      return "unknown case key(s) " + unknownInputs;
    }
    if (c.json().has("expect") && !c.json().get("expect").isObject()) {
      return "expect: expected an object";
    }
    if (c.expect().isEmpty()) {
      return "the case has no expectations";
    }
    List<String> unknownExpect = new ArrayList<>();
    for (Iterator<String> it = c.expect().fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!scenario.expectKeys().contains(key)) {
        unknownExpect.add(key);
      }
    }
    if (!unknownExpect.isEmpty()) {
      return "unknown expect key(s) " + unknownExpect + " for " + c.plugin();
    }
    return FeatureGates.unsupported(c.input("featureGates"), scenario.switchableGates());
  }

  private static String at(RuntimeException e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? "" : " (at " + trace[0] + ")";
  }

  private static List<Path> caseFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConformanceInputException(dir.toString(),
          Files.exists(dir) ? "not a directory" : "no such directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .filter(p -> !hidden(dir.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new ConformanceInputException(dir.toString(), "cannot list: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ConformanceInputException(dir.toString(), "no *.json case files");
    }
    return files;
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
