package io.schedlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The FGD artifact's published result tables ({@code analysis_allo_discrete.csv} and
 * {@code analysis_frag_discrete.csv}) for one workload: per policy, the seed mean of a bin.
 */
final class FgdExpected {
  static final FgdExpected NONE = new FgdExpected(Map.of(), Map.of());

  /** Policy id (e.g. 06-FGD) to the rows of its seeds, each 131 bins (NaN when empty). */
  private final Map<String, List<double[]>> allocation;
  private final Map<String, List<double[]>> fragAmount;

  private FgdExpected(Map<String, List<double[]>> allocation,
      Map<String, List<double[]>> fragAmount) {
    this.allocation = allocation;
    this.fragAmount = fragAmount;
  }

  /** The tables in {@code dir} for {@code workload}; NONE when the directory lacks them. */
  static FgdExpected read(Path dir, String workload) {
    Path allo = dir.resolve("analysis_allo_discrete.csv");
    Path frag = dir.resolve("analysis_frag_discrete.csv");
    if (!Files.isRegularFile(allo) || !Files.isRegularFile(frag)) {
      return NONE;
    }
    return new FgdExpected(table(allo, workload), table(frag, workload));
  }

  private static Map<String, List<double[]>> table(Path file, String workload) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new BadInputException(file + ": expected a header line, found an empty file");
    }
    String[] header = lines.get(0).split(",", -1);
    int first = -1;
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals("0")) {
        first = i;
        break;
      }
    }
    if (first < 0 || !header[0].equals("workload") || !header[1].equals("sc_policy")) {
      throw new BadInputException(file + ":1: expected the artifact's header"
          + " workload,sc_policy,tune,seed,...,0,...,130");
    }
    Map<String, List<double[]>> out = new LinkedHashMap<>();
    for (int ln = 1; ln < lines.size(); ln++) {
      String[] f = lines.get(ln).split(",", -1);
      if (f.length < 2 || !f[0].equals(workload)) {
        continue;
      }
      if (f.length < first + 131) {
        throw new BadInputException(file + ":" + (ln + 1) + ": expected " + (first + 131)
            + " columns, found " + f.length);
      }
      double[] bins = new double[131];
      for (int b = 0; b < 131; b++) {
        String v = f[first + b].trim();
        try {
          bins[b] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new BadInputException(file + ":" + (ln + 1) + ": column " + b
              + ": expected a number, got '" + v + "'", e);
        }
      }
      out.computeIfAbsent(f[1], k -> new ArrayList<>()).add(bins);
    }
    return out;
  }

  boolean has(String policyId) {
    return allocation.containsKey(policyId) && fragAmount.containsKey(policyId);
  }

  double allocationMean(String policyId, int bin) {
    return mean(allocation.get(policyId), bin);
  }

  double fragAmountMean(String policyId, int bin) {
    return mean(fragAmount.get(policyId), bin);
  }

  int seeds(String policyId) {
    List<double[]> rows = allocation.get(policyId);
    return rows == null ? 0 : rows.size();
  }

  private static double mean(List<double[]> rows, int bin) {
    if (rows == null || rows.isEmpty()) {
      return Double.NaN;
    }
    double s = 0;
    for (double[] r : rows) {
      s += r[bin];
    }
    return s / rows.size();
  }
}
