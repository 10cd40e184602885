package io.schedlab.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedlab.api.Node;
import io.schedlab.api.NodeSpec;
import io.schedlab.api.ObjectMeta;
import io.schedlab.cluster.ClusterSettings;
import io.schedlab.cluster.SimEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeIpamControllerTest {

  private static ClusterSettings settings(String cidr, int mask) {
    return new ClusterSettings(cidr, mask, "10.96.0.0/12", "cluster.local");
  }

  @ParameterizedTest(name = "{0} /{1}: node {2} gets {3}")
  @CsvSource({
      "10.244.0.0/16, 24, 0, 10.244.0.0/24",
      "10.244.0.0/16, 24, 2, 10.244.2.0/24",
      "10.244.0.0/16, 26, 5, 10.244.1.64/26",
      "10.244.7.9/16, 24, 1, 10.244.1.0/24",
      "192.168.0.0/20, 28, 17, 192.168.1.16/28",
  })
  void allocatesNodeCidrsInOrder(String cidr, int mask, int index, String expected) {
    Harness h = new Harness(settings(cidr, mask)).start(new NodeIpamController());
    for (int i = 0; i <= index; i++) {
      h.addNode("n" + i, Map.of());
    }
    h.runUntil(1);
    Node n = h.node("n" + index);
    assertThat(n.spec().podCIDR()).isEqualTo(expected);
    assertThat(n.spec().podCIDRs()).containsExactly(expected);
  }

  @Test
  void keepsExistingCidrsAndReleasesOnDeletionRoundRobin() {
    Harness h = new Harness(settings("10.0.0.0/22", 24));
    h.store.create(Node.of(ObjectMeta.named(null, "pre"),
        new NodeSpec(null, null, "10.0.0.0/24", List.of("10.0.0.0/24"), null), null));
    NodeIpamController ipam = new NodeIpamController();
    h.start(ipam);
    h.addNode("a", Map.of());
    h.addNode("b", Map.of());
    h.runUntil(1);
    assertThat(h.node("a").spec().podCIDR()).isEqualTo("10.0.1.0/24");
    assertThat(h.node("b").spec().podCIDR()).isEqualTo("10.0.2.0/24");
    h.loop.after(0, "delete a", () -> h.store.delete(Node.class, null, "a"));
    h.runUntil(2);
    assertThat(ipam.allocatedCount()).isEqualTo(2);
    h.loop.after(0, "add c, d", () -> {
      h.addNode("c", Map.of());
      h.addNode("d", Map.of());
    });
    h.runUntil(3);
    // Round-robin: .3 is next; the released .1 only after the cursor wraps.
    assertThat(h.node("c").spec().podCIDR()).isEqualTo("10.0.3.0/24");
    assertThat(h.node("d").spec().podCIDR()).isEqualTo("10.0.1.0/24");
    h.loop.after(0, "add e", () -> h.addNode("e", Map.of()));
    h.runUntil(4);
    assertThat(h.node("e").spec().podCIDR()).isNull();
    assertThat(h.first(SimEvent.Types.CONTROLLER_ACTION, "e", null).detail())
        .containsEntry("action", "cidr_not_available");
  }

  @ParameterizedTest(name = "{0} /{1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "10.244.0.0 | 24 | clusterCidr: expected an IPv4 CIDR like 10.244.0.0/16, got \"10.244.0.0\"",
      "10.244.0.0/16 | 8 | nodeCidrMaskSize: expected a prefix length between 16 and 32 for cluster CIDR 10.244.0.0/16, got 8",
      "10.0.0.0/8 | 25 | nodeCidrMaskSize: 25 is more than 16 bits longer than the cluster CIDR 10.0.0.0/8",
      "fd00::/48 | 64 | clusterCidr: expected an IPv4 CIDR like 10.244.0.0/16, got \"fd00::/48\"",
  })
  void rejectsBadSettings(String cidr, int mask, String message) {
    Harness h = new Harness(settings(cidr, mask));
    assertThatThrownBy(() -> h.start(new NodeIpamController()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
