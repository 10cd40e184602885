package io.schedlab.cli;

import io.schedlab.api.codec.ManifestException;
import io.schedlab.config.ConfigException;
import io.schedlab.framework.PluginArgsException;
import io.schedlab.framework.PluginLoadException;
import io.schedlab.store.AlreadyExistsException;
import io.schedlab.store.InvalidObjectException;
import java.nio.file.NoSuchFileException;

/**
 * Sorts a failure into bad input (exit 2, the user can fix it) or an internal error (exit 1, a
 * schedlab bug), and words it as the one line the user sees.
 */
final class Failures {
  static final int BAD_INPUT = 2;
  static final int INTERNAL_ERROR = 1;

  private Failures() {}

  /** The outermost exception in the chain that is the user's doing, or null. */
  static Throwable badInput(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof BadInputException
          || c instanceof ManifestException
          || c instanceof ConfigException
          || c instanceof PluginArgsException
          || c instanceof PluginLoadException
          || c instanceof io.schedlab.conformance.ConformanceInputException
          || c instanceof io.schedlab.traces.TraceFormatException
          || c instanceof io.schedlab.cluster.ScenarioException
          || c instanceof io.schedlab.api.validation.AdmissionException
          || c instanceof InvalidObjectException
          || c instanceof AlreadyExistsException) {
        return c;
      }
      if (c instanceof NoSuchFileException nsf) {
        return new BadInputException(nsf.getFile() + ": no such file or directory", nsf);
      }
    }
    return null;
  }

  static int exitCode(Throwable t) {
    return badInput(t) != null ? BAD_INPUT : INTERNAL_ERROR;
  }

  /** The line after {@code schedlab: }. */
  static String message(Throwable t) {
    Throwable bad = badInput(t);
    if (bad != null) {
      return firstLine(bad.getMessage());
    }
    return "internal error: " + t.getClass().getName()
        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()))
        + " (rerun with --debug for the stack trace)";
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
