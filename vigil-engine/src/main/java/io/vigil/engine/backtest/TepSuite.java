package io.vigil.engine.backtest;

import io.vigil.engine.Level;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.runtime.FixedRuleBook;
import io.vigil.engine.stats.NumericCsv;
import io.vigil.engine.stats.PcaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Tennessee Eastman: PCA fitted on {@code d00.dat} (normal, stored transposed); detection rate on
 * {@code d01…d21.dat} (every row is recorded after the fault is introduced) and false-alarm rate on
 * normal data by two-fold cross-validation over d00 (fit on one half, test on the other), since the
 * normal test file is not part of the set. Per-sample decisions (on = off = 1), as in the literature.
 */
final class TepSuite {

	/** {@code ewmaLambda} 1 = no smoothing; {@code adaptive}: recursive update, memory = number of training rows. */
	record Settings(double varianceToKeep, double confidence, int onReadings, PcaAnomaly.LimitPolicy limits, double ewmaLambda, boolean adaptive) {

		Settings(double varianceToKeep, double confidence, int onReadings, PcaAnomaly.LimitPolicy limits) {
			this(varianceToKeep, confidence, onReadings, limits, 1, false);
		}

		@Override
		public String toString() {
			return "PCA variance " + varianceToKeep + ", confidence " + confidence + ", on/off " + onReadings + " samples, T² or Q, limits " + limits
					+ (ewmaLambda < 1 ? ", EWMA λ " + ewmaLambda : "") + (adaptive ? ", recursive memory = training rows" : "");
		}
	}

	private static final Instant T0 = Instant.parse("2000-01-01T00:00:00Z");

	private TepSuite() {
	}

	static double[] run(Path tep, Settings settings, PrintStream out) throws IOException {
		double[][] normal = transpose(NumericCsv.readMatrix(tep.resolve("d00.dat")));
		List<String> variables = IntStream.rangeClosed(1, normal[0].length).mapToObj(i -> "x" + i).toList();
		int half = normal.length / 2;
		double falseAlarms = 0;
		falseAlarms += alarmRate(PcaModel.fit(variables, Arrays.copyOfRange(normal, 0, half), settings.varianceToKeep()), settings, Arrays.copyOfRange(normal, half, normal.length));
		falseAlarms += alarmRate(PcaModel.fit(variables, Arrays.copyOfRange(normal, half, normal.length), settings.varianceToKeep()), settings, Arrays.copyOfRange(normal, 0, half));
		falseAlarms /= 2;
		PcaModel model = PcaModel.fit(variables, normal, settings.varianceToKeep());
		out.printf("  model: %d variables, %d components, T² limit %.2f, Q limit %.2f%n", variables.size(), model.components(),
				model.t2Limit(settings.confidence()), model.qLimit(settings.confidence()));
		out.printf("  false-alarm rate on normal data: %.1f %% held out (2-fold over d00 halves), %.1f %% in-sample (d00)%n",
				100 * falseAlarms, 100 * alarmRate(model, settings, normal));
		List<Double> rates = new ArrayList<>();
		StringBuilder line = new StringBuilder("  detection rate by fault:");
		for (int fault = 1; fault <= 21; fault++) {
			double[][] rows = NumericCsv.readMatrix(tep.resolve(String.format("d%02d.dat", fault)));
			double rate = alarmRate(model, settings, rows);
			rates.add(rate);
			line.append(String.format(" %d:%.0f%%", fault, 100 * rate));
		}
		out.println(line);
		double all = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		double withoutHard = IntStream.rangeClosed(1, 21).filter(f -> f != 3 && f != 9 && f != 15).mapToDouble(f -> rates.get(f - 1)).average().orElse(0);
		out.printf("  mean detection rate: %.1f %% (all 21), %.1f %% (without the undetectable 3, 9, 15)%n", 100 * all, 100 * withoutHard);
		return new double[] {falseAlarms, all, withoutHard};
	}

	private static double alarmRate(PcaModel model, Settings settings, double[][] rows) {
		PcaAnomaly rule = new PcaAnomaly("tep-pca", "unit", model, settings.confidence(), true, true, settings.onReadings(), settings.onReadings(), Level.YELLOW, settings.limits(),
				new PcaAnomaly.Monitoring(settings.ewmaLambda(), settings.adaptive() ? model.observations() : 0));
		FixedRuleBook.Builder book = FixedRuleBook.builder();
		model.variables().forEach(v -> book.bind(v, rule));
		Instant[] times = new Instant[rows.length];
		for (int i = 0; i < rows.length; i++) {
			times[i] = T0.plus(Duration.ofMinutes(3L * i));
		}
		boolean[] active = Replay.run(book.build(), model.variables(), times, rows).active();
		int n = 0;
		for (boolean a : active) {
			n += a ? 1 : 0;
		}
		return n / (double) rows.length;
	}

	private static double[][] transpose(double[][] m) {
		double[][] t = new double[m[0].length][m.length];
		for (int i = 0; i < m.length; i++) {
			for (int j = 0; j < m[0].length; j++) {
				t[j][i] = m[i][j];
			}
		}
		return t;
	}
}
