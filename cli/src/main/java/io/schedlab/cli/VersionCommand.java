package io.schedlab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code schedlab version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Print the schedlab version, the Java runtime, and the kube-scheduler release "
        + "whose semantics schedlab follows.")
public final class VersionCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("schedlab " + VersionInfo.version());
    out.println(VersionInfo.semantics());
    out.println(VersionInfo.java());
    out.flush();
    return 0;
  }
}
