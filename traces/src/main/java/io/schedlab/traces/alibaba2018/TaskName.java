package io.schedlab.traces.alibaba2018;

/**
 * A v2018 batch task name as a DAG node: letters, the task's number, then the numbers of the tasks
 * it waits for, separated by underscores ({@code M1}, {@code R2_1}, {@code J3_1_2}). Any other
 * name (the trace's {@code task_<base64>} names, or anything unusual) is an independent task.
 *
 * @param number the task's number within its job, or -1 for an independent task
 * @param dependsOn the numbers of the tasks it waits for (empty when none)
 */
record TaskName(int number, int[] dependsOn) {
  private static final int[] NONE = new int[0];
  static final TaskName INDEPENDENT = new TaskName(-1, NONE);

  boolean inDag() {
    return number >= 0;
  }

  static TaskName parse(String name) {
    int i = 0;
    int n = name.length();
    while (i < n && Character.isLetter(name.charAt(i))) {
      i++;
    }
    if (i == 0 || i == n) {
      return INDEPENDENT;
    }
    int parts = 1;
    for (int j = i; j < n; j++) {
      char c = name.charAt(j);
      if (c == '_') {
        if (j == n - 1 || name.charAt(j + 1) == '_' || j == i) {
          return INDEPENDENT;
        }
        parts++;
      } else if (c < '0' || c > '9') {
        return INDEPENDENT;
      }
    }
    String[] numbers = name.substring(i).split("_");
    try {
      int number = Integer.parseInt(numbers[0]);
      int[] deps = parts == 1 ? NONE : new int[parts - 1];
      for (int k = 1; k < parts; k++) {
        deps[k - 1] = Integer.parseInt(numbers[k]);
      }
      return new TaskName(number, deps);
    } catch (NumberFormatException e) {
      return INDEPENDENT;
    }
  }
}
