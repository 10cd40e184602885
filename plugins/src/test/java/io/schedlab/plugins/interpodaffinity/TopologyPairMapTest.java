package io.schedlab.plugins.interpodaffinity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopologyPairMapTest {
  @Test
  void countsNonZeroPairsLikeUpstreamsMapLength() {
    TopologyPairMap m = new TopologyPairMap();
    long p = TopologyPairMap.pair(3, 7);
    long q = TopologyPairMap.pair(3, 8);
    m.add(p, 1);
    m.add(p, 1);
    m.add(q, -1);
    assertThat(m.get(p)).isEqualTo(2);
    assertThat(m.get(q)).isEqualTo(-1);
    assertThat(m.nonZero()).isEqualTo(2);
    m.add(q, 1);
    assertThat(m.get(q)).isZero();
    assertThat(m.nonZero()).isEqualTo(1);
    assertThat(m.entries()).isEqualTo(2);
    assertThat(m.get(TopologyPairMap.pair(4, 7))).isZero();
  }

  @Test
  void growsAndCopiesIndependently() {
    TopologyPairMap m = new TopologyPairMap();
    for (int k = 0; k < 100; k++) {
      for (int v = 0; v < 10; v++) {
        m.add(TopologyPairMap.pair(k, v), k * 10L + v + 1);
      }
    }
    TopologyPairMap c = m.copy();
    c.add(TopologyPairMap.pair(5, 5), -56);
    for (int k = 0; k < 100; k++) {
      for (int v = 0; v < 10; v++) {
        assertThat(m.get(TopologyPairMap.pair(k, v))).isEqualTo(k * 10L + v + 1);
      }
    }
    assertThat(m.nonZero()).isEqualTo(1000);
    assertThat(c.nonZero()).isEqualTo(999);
    assertThat(c.get(TopologyPairMap.pair(5, 5))).isZero();
    assertThat(TopologyPairMap.keyIdOf(TopologyPairMap.pair(Integer.MAX_VALUE, 1)))
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void remembersTheDistinctKeysOfItsPairsAndCopiesThem() {
    TopologyPairMap m = TopologyPairMap.withExpected(3000);
    m.add(TopologyPairMap.pair(9, 1), 1);
    m.add(TopologyPairMap.pair(2, 1), 1);
    m.add(TopologyPairMap.pair(9, 2), -1);
    m.add(TopologyPairMap.pair(2, 1), -1);
    assertThat(m.keyCount()).isEqualTo(2);
    assertThat(m.keyId(0)).isEqualTo(9);
    assertThat(m.keyId(1)).isEqualTo(2);
    TopologyPairMap c = m.copy();
    c.add(TopologyPairMap.pair(0, 0), 1);
    assertThat(c.keyCount()).isEqualTo(3);
    assertThat(c.keyId(2)).isZero();
    assertThat(m.keyCount()).isEqualTo(2);
    assertThat(c.get(TopologyPairMap.pair(0, 0))).isEqualTo(1);
    assertThat(m.get(TopologyPairMap.pair(0, 0))).isZero();
  }
}
