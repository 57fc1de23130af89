package io.vigil.timeseries;

import java.time.Duration;

/** The store's buffer is full: the caller should retry after {@link #retryAfter()}. */
public class StoreOverloadedException extends RuntimeException {

	private final Duration retryAfter;

	public StoreOverloadedException(Duration retryAfter) {
		super("The store is busy; retry after " + retryAfter.toSeconds() + " s / 系统繁忙，请稍后重试");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
