package io.vigil.ingest;

import java.time.Duration;

/** Retries an assertion until it passes or the time is up, then fails with its last error. */
public final class Eventually {

	private Eventually() {
	}

	public static void within(Duration limit, Runnable assertion) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			try {
				assertion.run();
				return;
			}
			catch (AssertionError | RuntimeException e) {
				if (System.nanoTime() > deadline) {
					throw e;
				}
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
