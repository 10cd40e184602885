package io.schedlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code schedlab experiment ...}: published experiments, reproduced by their protocol. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    versionProvider = VersionInfo.class,
    description = "Run a published experiment by its protocol and compare with its results.",
    subcommands = {FgdExperimentCommand.class})
public final class ExperimentCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing experiment (try 'fgd')");
  }
}
