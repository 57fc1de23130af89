package io.vigil.engine.backtest;

/**
 * Point-wise confusion counts and the SKAB metrics: F1 = TP / (TP + (FP + FN) / 2),
 * FAR = FP / (FP + TN) · 100, MAR = FN / (FN + TP) · 100.
 */
public record Confusion(long tp, long fp, long fn, long tn) {

	public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

	/** Counts predicted against labelled rows in [from, to). */
	public static Confusion of(boolean[] predicted, boolean[] labelled, int from, int to) {
		long tp = 0, fp = 0, fn = 0, tn = 0;
		for (int i = from; i < to; i++) {
			if (predicted[i] && labelled[i]) {
				tp++;
			} else if (predicted[i]) {
				fp++;
			} else if (labelled[i]) {
				fn++;
			} else {
				tn++;
			}
		}
		return new Confusion(tp, fp, fn, tn);
	}

	public Confusion plus(Confusion o) {
		return new Confusion(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
	}

	public double f1() {
		return tp + (fp + fn) / 2.0 == 0 ? 0 : tp / (tp + (fp + fn) / 2.0);
	}

	public double far() {
		return fp + tn == 0 ? 0 : 100.0 * fp / (fp + tn);
	}

	public double mar() {
		return fn + tp == 0 ? 0 : 100.0 * fn / (fn + tp);
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "TP %d FP %d FN %d TN %d | F1 %.3f FAR %.2f %% MAR %.2f %%", tp, fp, fn, tn, f1(), far(), mar());
	}
}
