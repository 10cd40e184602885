package io.schedlab.plugins.gpushare;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How Open-Gpu-Share picks the devices of a pod on its chosen node ({@code gpuSelMethod}). Whole
 * GPUs always go to the lowest-index fully free devices; the methods differ for a GPU share:
 * {@link #BEST} the tightest device that fits, {@link #WORST} the loosest, {@link #RANDOM} any
 * that fits, {@link #FGD} the one whose use grows fragmentation least, {@link #DOT_PRODUCT} the
 * device of DotProduct's best match. Ties go to the lowest index.
 */
public enum GpuSelection {
  BEST,
  WORST,
  RANDOM,
  FGD,
  DOT_PRODUCT;

  /** Parses the artifact's names: best, worst, random, or a score plugin's name. */
  public static GpuSelection parse(String field, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "best" -> BEST;
      case "worst" -> WORST;
      case "random" -> RANDOM;
      case "fgd", "fgdscore" -> FGD;
      case "dotproduct", "dotproductscore", "dotprod" -> DOT_PRODUCT;
      default -> throw new IllegalArgumentException(field
          + ": expected best, worst, random, FGDScore or DotProductScore, got '" + text + "'");
    };
  }

  /** The name Open-Gpu-Share's {@code gpuSelMethod} arg gives this method. */
  public String argName() {
    return switch (this) {
      case BEST -> "best";
      case WORST -> "worst";
      case RANDOM -> "random";
      case FGD -> "FGDScore";
      case DOT_PRODUCT -> "DotProductScore";
    };
  }

  /** Everything a selection may need besides the node and the pod. */
  public record Context(TypicalPods typicalPods, long cpuCapacity, DotProduct.DimExt dimExt,
      DotProduct.Norm norm, RandomGenerator random) {}

  /** The devices for the demand on the node; empty when the pod takes no GPU or none fits. */
  public int[] select(GpuNodeState node, GpuDemand demand, Context context) {
    if (demand.gpuMilli() <= 0 || demand.gpuCount() == 0) {
      return new int[0];
    }
    int[] free = node.devices();
    if (!demand.isShare()) {
      if (this == DOT_PRODUCT && context.dimExt() != DotProduct.DimExt.MERGE) {
        return DotProduct.choose(node, context.cpuCapacity(), demand, context.dimExt(),
            context.norm()).devices();
      }
      return DotProduct.exclusive(free, demand.totalGpuMilli());
    }
    int milli = demand.gpuMilli();
    return switch (this) {
      case BEST -> one(extreme(free, milli, true));
      case WORST -> one(extreme(free, milli, false));
      case RANDOM -> {
        int pick = -1;
        int seen = 0;
        for (int i = 0; i < free.length; i++) {
          if (free[i] >= milli && context.random().nextInt(++seen) == 0) {
            pick = i;
          }
        }
        yield one(pick);
      }
      case FGD -> Fragmentation.fgd(node, demand, context.typicalPods()).devices();
      case DOT_PRODUCT -> context.dimExt() == DotProduct.DimExt.MERGE
          ? one(extreme(free, milli, true))
          : DotProduct.choose(node, context.cpuCapacity(), demand, context.dimExt(),
              context.norm()).devices();
    };
  }

  private static int extreme(int[] free, int milli, boolean tightest) {
    int pick = -1;
    for (int i = 0; i < free.length; i++) {
      if (free[i] >= milli
          && (pick < 0 || (tightest ? free[i] < free[pick] : free[i] > free[pick]))) {
        pick = i;
      }
    }
    return pick;
  }

  private static int[] one(int device) {
    return device < 0 ? new int[0] : new int[] {device};
  }
}
