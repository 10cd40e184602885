package io.schedlab.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedlab.api.Pod;
import io.schedlab.cluster.SimEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticPodsTest {
  @TempDir
  Path dir;

  private KubeletHarness start() throws IOException {
    Files.writeString(dir.resolve("etcd.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: etcd
          namespace: kube-system
        spec:
          containers:
          - name: etcd
            image: registry.k8s.io/pause:3.10
        """);
    KubeletHarness h = new KubeletHarness();
    h.kubelet(KubeletHarness.node("n1", "4", "8Gi", List.of()),
        KubeletConfig.DEFAULTS.withStaticPodPath(dir));
    return h;
  }

  @Test
  void manifestPodRunsAndIsMirrored() throws IOException {
    KubeletHarness h = start();
    h.runTo(5);
    Pod mirror = h.store.get(Pod.class, "kube-system", "etcd-n1");
    assertThat(mirror).isNotNull();
    assertThat(mirror.metadata().annotations()).containsKey(StaticPods.CONFIG_MIRROR)
        .containsEntry(StaticPods.CONFIG_SOURCE, "file");
    assertThat(mirror.metadata().ownerReferences().get(0).kind()).isEqualTo("Node");
    assertThat(mirror.spec().nodeName()).isEqualTo("n1");
    assertThat(mirror.status().phase()).isEqualTo("Running");
    assertThat(h.times(SimEvent.Types.POD_STARTED, "kube-system/etcd-n1")).containsExactly(0.0);
  }

  @Test
  void deletedMirrorIsRecreatedAndThePodKeepsRunning() throws IOException {
    KubeletHarness h = start();
    h.runTo(5);
    String uid = h.store.get(Pod.class, "kube-system", "etcd-n1").metadata().uid();
    h.store.delete(Pod.class, "kube-system", "etcd-n1");
    h.runTo(6);
    Pod again = h.store.get(Pod.class, "kube-system", "etcd-n1");
    assertThat(again).isNotNull();
    assertThat(again.metadata().uid()).isNotEqualTo(uid);
    assertThat(again.status().phase()).isEqualTo("Running");
    assertThat(h.log.ofType(SimEvent.Types.POD_STARTED)).hasSize(1);
  }
}
