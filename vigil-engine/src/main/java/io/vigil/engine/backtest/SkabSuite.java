package io.vigil.engine.backtest;

import io.vigil.engine.Level;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.runtime.FixedRuleBook;
import io.vigil.engine.stats.NumericCsv;
import io.vigil.engine.stats.PcaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * SKAB protocol: in each labelled file fit on the first 400 rows, test the rest, sum the confusion
 * over all test parts. Detector: {@link PcaAnomaly} (T² and Q) fitted on those 400 rows.
 */
final class SkabSuite {

	static final int TRAIN_ROWS = 400;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** Detector settings, the same for every file. */
	/**
	 * Detector settings, the same for every file. {@code ewmaLambda} 1 = no smoothing; {@code adaptive}
	 * updates the model recursively with a memory equal to the number of training rows.
	 */
	record Settings(double varianceToKeep, double confidence, int onReadings, int offReadings, PcaAnomaly.LimitPolicy limits,
			double ewmaLambda, boolean adaptive) {

		Settings(double varianceToKeep, double confidence, int onReadings, int offReadings, PcaAnomaly.LimitPolicy limits) {
			this(varianceToKeep, confidence, onReadings, offReadings, limits, 1, false);
		}

		PcaAnomaly.Monitoring monitoring(int trainingRows) {
			return new PcaAnomaly.Monitoring(ewmaLambda, adaptive ? trainingRows : 0);
		}

		@Override
		public String toString() {
			return "PCA variance " + varianceToKeep + ", confidence " + confidence + ", on " + onReadings + " / off " + offReadings
					+ " readings, limits " + limits + ", " + monitoring(TRAIN_ROWS);
		}
	}

	/** Test rows per segment of the anomaly-free file: about the length of a labelled file's test part. */
	static final int FREE_TEST_ROWS = 700;

	private SkabSuite() {
	}

	static Confusion run(Path skab, Settings settings, PrintStream out, boolean perFile) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(skab)) {
			files = walk.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("anomaly-free")).sorted().toList();
		}
		Confusion total = Confusion.EMPTY;
		for (Path file : files) {
			Confusion c = runFile(file, settings);
			if (perFile) {
				out.printf("  %-24s %s%n", skab.relativize(file), c);
			}
			total = total.plus(c);
		}
		out.printf("  %-24s %s   [%s]%n", "ALL (" + files.size() + " files)", total, settings);
		return total;
	}

	static Confusion runFile(Path file, Settings settings) throws IOException {
		NumericCsv csv = NumericCsv.read(file);
		List<String> sensors = csv.columns().stream().filter(c -> !c.equals("anomaly") && !c.equals("changepoint")).toList();
		int anomaly = csv.columns().indexOf("anomaly");
		double[][] values = Arrays.stream(csv.rows()).map(r -> Arrays.copyOf(r, sensors.size())).toArray(double[][]::new);
		PcaModel model = PcaModel.fit(sensors, Arrays.copyOf(values, TRAIN_ROWS), settings.varianceToKeep());
		FixedRuleBook.Builder book = FixedRuleBook.builder();
		PcaAnomaly rule = rule(model, settings);
		sensors.forEach(s -> book.bind(s, rule));
		int test = values.length - TRAIN_ROWS;
		Instant[] times = new Instant[test];
		boolean[] labels = new boolean[test];
		for (int i = 0; i < test; i++) {
			times[i] = LocalDateTime.parse(csv.labels().get(TRAIN_ROWS + i), TIME).toInstant(ZoneOffset.UTC);
			labels[i] = csv.rows()[TRAIN_ROWS + i][anomaly] > 0.5;
		}
		Replay.Result result = Replay.run(book.build(), sensors, times, Arrays.copyOfRange(values, TRAIN_ROWS, values.length));
		return Confusion.of(result.active(), labels, 0, test);
	}

	private static PcaAnomaly rule(PcaModel model, Settings settings) {
		return new PcaAnomaly("skab-pca", "rig", model, settings.confidence(), true, true, settings.onReadings(), settings.offReadings(),
				Level.YELLOW, settings.limits(), settings.monitoring(TRAIN_ROWS));
	}

	/**
	 * The protocol replayed on the anomaly-free file, which no labelled figure uses: consecutive,
	 * non-overlapping segments of {@link #TRAIN_ROWS} training rows followed by {@link #FREE_TEST_ROWS} test
	 * rows; every alarmed test row is a false alarm. This is where monitoring settings may be judged
	 * without looking at the labelled files.
	 *
	 * @return the false-alarm rate in percent over all segments
	 */
	static double runAnomalyFree(Path skab, Settings settings, PrintStream out) throws IOException {
		NumericCsv csv = NumericCsv.read(skab.resolve("anomaly-free/anomaly-free.csv"));
		List<String> sensors = csv.columns();
		double[][] values = csv.rows();
		long alarmed = 0, rows = 0;
		StringBuilder perSegment = new StringBuilder();
		for (int start = 0; start + TRAIN_ROWS + FREE_TEST_ROWS <= values.length; start += TRAIN_ROWS + FREE_TEST_ROWS) {
			PcaModel model = PcaModel.fit(sensors, Arrays.copyOfRange(values, start, start + TRAIN_ROWS), settings.varianceToKeep());
			FixedRuleBook.Builder book = FixedRuleBook.builder();
			PcaAnomaly rule = rule(model, settings);
			sensors.forEach(s -> book.bind(s, rule));
			Instant[] times = new Instant[FREE_TEST_ROWS];
			for (int i = 0; i < FREE_TEST_ROWS; i++) {
				times[i] = LocalDateTime.parse(csv.labels().get(start + TRAIN_ROWS + i), TIME).toInstant(ZoneOffset.UTC);
			}
			boolean[] active = Replay.run(book.build(), sensors, times,
					Arrays.copyOfRange(values, start + TRAIN_ROWS, start + TRAIN_ROWS + FREE_TEST_ROWS)).active();
			int n = 0;
			for (boolean a : active) {
				n += a ? 1 : 0;
			}
			perSegment.append(String.format(" %.0f", 100.0 * n / FREE_TEST_ROWS));
			alarmed += n;
			rows += FREE_TEST_ROWS;
		}
		double far = 100.0 * alarmed / rows;
		out.printf(java.util.Locale.ROOT, "  %-24s FAR %.2f %% (per segment:%s)   [%s]%n", "anomaly-free split", far, perSegment, settings);
		return far;
	}
}
