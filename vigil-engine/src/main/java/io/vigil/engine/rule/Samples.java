package io.vigil.engine.rule;

import java.io.Serializable;

/**
 * A time-ordered window of (epoch millis, value) samples in a growable ring. Mutable: owned by one
 * rule state on one thread.
 */
public final class Samples implements Serializable {

	private static final long serialVersionUID = 1L;

	private long[] times = new long[8];
	private double[] values = new double[8];
	private int head;
	private int size;

	/** Appends a sample; timestamps must not decrease (callers drop late readings first). */
	public void add(long time, double value) {
		if (size == times.length) {
			grow();
		}
		int i = (head + size) % times.length;
		times[i] = time;
		values[i] = value;
		size++;
	}

	/** Drops samples older than {@code time}. */
	public void dropBefore(long time) {
		while (size > 0 && times[head] < time) {
			head = (head + 1) % times.length;
			size--;
		}
	}

	/** Drops the oldest samples until at most {@code max} remain. */
	public void keepLast(int max) {
		while (size > max) {
			head = (head + 1) % times.length;
			size--;
		}
	}

	public int size() {
		return size;
	}

	/** Time of the {@code i}-th sample, oldest first. */
	public long time(int i) {
		return times[(head + i) % times.length];
	}

	/** Value of the {@code i}-th sample, oldest first. */
	public double value(int i) {
		return values[(head + i) % values.length];
	}

	/** Newest time, or {@code Long.MIN_VALUE} when empty. */
	public long newestTime() {
		return size == 0 ? Long.MIN_VALUE : time(size - 1);
	}

	/** Mean of the values; NaN when empty. */
	public double mean() {
		double sum = 0;
		for (int i = 0; i < size; i++) {
			sum += value(i);
		}
		return size == 0 ? Double.NaN : sum / size;
	}

	/**
	 * Least-squares line through the samples, time in minutes relative to the newest sample.
	 *
	 * @return {slope per minute, value of the line at the newest sample}; NaNs with fewer than 2 samples
	 */
	public double[] line() {
		if (size < 2) {
			return new double[] {Double.NaN, Double.NaN};
		}
		long t0 = newestTime();
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		for (int i = 0; i < size; i++) {
			double x = (time(i) - t0) / 60_000.0;
			double y = value(i);
			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
		}
		double n = size;
		double denominator = n * sxx - sx * sx;
		if (denominator == 0) {
			return new double[] {Double.NaN, Double.NaN};
		}
		double slope = (n * sxy - sx * sy) / denominator;
		double intercept = (sy - slope * sx) / n;
		return new double[] {slope, intercept};
	}

	private void grow() {
		long[] t = new long[times.length * 2];
		double[] v = new double[values.length * 2];
		for (int i = 0; i < size; i++) {
			t[i] = time(i);
			v[i] = value(i);
		}
		times = t;
		values = v;
		head = 0;
	}
}
