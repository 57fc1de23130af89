package io.vigil.engine.backtest;

import java.util.List;

/**
 * NAB-style scoring of detections against anomaly windows (row indices, inclusive), after the NAB
 * scorer: detections in the first 15 % of a file (probation) are ignored; the first detection in a
 * window earns {@code A_tp · σ(position)} where position runs from −1 at the window's start to 0 at
 * its end and σ(x) = 2/(1+e^{5x}) − 1; later ones in the same window earn nothing; a detection outside
 * windows costs {@code A_fp · σ(distance after the previous window / its length)}, or {@code −A_fp}
 * with no previous window; a window without detection costs {@code A_fn}. Normalised over a corpus as
 * 100 · (raw − null) / (perfect − null), where the null detector misses every window and the perfect one fires on each window's first row.
 */
public final class NabScore {

	/** Standard profile weights. */
	public static final double A_TP = 1.0, A_FP = 0.11, A_FN = 1.0;

	/** Raw score and counts of one file. */
	public record FileScore(double raw, double perfect, int windows, int detectedWindows, int falsePositives) {
	}

	private NabScore() {
	}

	static double sigma(double x) {
		return 2 / (1 + Math.exp(5 * x)) - 1;
	}

	/**
	 * @param rows       number of rows in the file
	 * @param windows    anomaly windows as {start, end} row indices
	 * @param detections rows at which the detector fired, ascending
	 */
	public static FileScore score(int rows, List<int[]> windows, List<Integer> detections) {
		int probation = (int) Math.floor(0.15 * rows);
		boolean[] hit = new boolean[windows.size()];
		double raw = 0;
		int fps = 0;
		for (int d : detections) {
			if (d < probation) {
				continue;
			}
			int inside = -1;
			int previous = -1;
			for (int w = 0; w < windows.size(); w++) {
				int[] win = windows.get(w);
				if (d >= win[0] && d <= win[1]) {
					inside = w;
				} else if (win[1] < d) {
					previous = w;
				}
			}
			if (inside >= 0) {
				if (!hit[inside]) {
					hit[inside] = true;
					int[] win = windows.get(inside);
					double length = win[1] - win[0] + 1;
					raw += A_TP * sigma(-(win[1] - d) / length);
				}
			} else {
				fps++;
				if (previous < 0) {
					raw -= A_FP;
				} else {
					int[] win = windows.get(previous);
					raw += A_FP * sigma((d - win[1]) / (double) (win[1] - win[0] + 1));
				}
			}
		}
		double perfect = 0;
		for (int[] win : windows) {
			double length = win[1] - win[0] + 1;
			perfect += A_TP * sigma(-(length - 1) / length);
		}
		int detected = 0;
		for (boolean h : hit) {
			if (h) {
				detected++;
			} else {
				raw -= A_FN;
			}
		}
		return new FileScore(raw, perfect, windows.size(), detected, fps);
	}

	/** Normalised corpus score: 0 for the null detector, 100 for the perfect one. */
	public static double normalised(List<FileScore> files) {
		double raw = 0;
		double perfect = 0;
		int windows = 0;
		for (FileScore f : files) {
			raw += f.raw();
			perfect += f.perfect();
			windows += f.windows();
		}
		double nullScore = -A_FN * windows;
		return 100 * (raw - nullScore) / (perfect - nullScore);
	}
}
