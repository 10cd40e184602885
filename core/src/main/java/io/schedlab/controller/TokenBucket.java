package io.schedlab.controller;

/**
 * client-go's token-bucket rate limiter as the node lifecycle controller uses it ({@code
 * flowcontrol.NewTokenBucketRateLimiter(qps, burst)}, non-blocking {@code TryAccept}), in virtual
 * time. A qps of zero or less is the never-accepting limiter the controller swaps in to stop
 * evictions.
 */
final class TokenBucket {
  private final double qps;
  private final int burst;
  private double tokens;
  private long lastNanos;

  TokenBucket(double qps, int burst, long nowNanos) {
    this.qps = qps;
    this.burst = burst;
    this.tokens = qps > 0 ? burst : 0; // a new bucket starts full
    this.lastNanos = nowNanos;
  }

  double qps() {
    return qps;
  }

  boolean tryAccept(long nowNanos) {
    if (qps <= 0) {
      return false;
    }
    // Like golang.org/x/time/rate: refill from the last accepted request, and change nothing on a
    // refusal, so a token is due exactly 1/qps after the one before.
    double available = tokens;
    if (nowNanos > lastNanos) {
      available = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * qps);
    }
    if (available >= 1) {
      tokens = available - 1;
      lastNanos = Math.max(lastNanos, nowNanos);
      return true;
    }
    return false;
  }
}
