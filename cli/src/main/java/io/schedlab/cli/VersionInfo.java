package io.schedlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The build's version (filtered in from the Maven project) and the upstream it follows. */
public final class VersionInfo implements IVersionProvider {
  /** The kube-scheduler release whose behaviour schedlab reproduces. */
  public static final String KUBE_SCHEDULER_VERSION = "v1.34";

  private static final String RESOURCE = "/schedlab.properties";

  /** The Maven project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" outside a build. */
  public static String version() {
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      // Unfiltered (run from an IDE without resource processing): say so rather than print ${}.
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String semantics() {
    return "kube-scheduler " + KUBE_SCHEDULER_VERSION + " semantics";
  }

  public static String java() {
    return "Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vendor", "unknown vendor") + ", "
        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")";
  }

  @Override
  public String[] getVersion() {
    return new String[] {"schedlab " + version() + " (" + semantics() + ")", java()};
  }
}
