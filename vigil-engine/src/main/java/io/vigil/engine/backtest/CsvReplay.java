package io.vigil.engine.backtest;

import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.runtime.FixedRuleBook;
import io.vigil.engine.stats.NumericCsv;
import io.vigil.engine.stats.PcaModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replays any numeric CSV through a PCA model fitted on its first {@code train} rows (for users tuning
 * a model on their own history): prints one line per outcome (row, time, kind, level, reason) and,
 * when a 0/1 label column is named, the confusion and F1 / FAR / MAR over the rows after training.
 */
final class CsvReplay {

	record Options(Path file, int train, String label, List<String> ignore, double confidence, int onReadings) {
	}

	private CsvReplay() {
	}

	static Confusion run(Options o, PrintStream out) throws IOException {
		NumericCsv csv = NumericCsv.read(o.file());
		List<String> sensors = new ArrayList<>();
		List<Integer> index = new ArrayList<>();
		for (int j = 0; j < csv.columns().size(); j++) {
			String c = csv.columns().get(j);
			if (!c.equals(o.label()) && !o.ignore().contains(c)) {
				sensors.add(c);
				index.add(j);
			}
		}
		double[][] values = Arrays.stream(csv.rows()).map(r -> index.stream().mapToDouble(j -> r[j]).toArray()).toArray(double[][]::new);
		PcaModel model = PcaModel.fit(sensors, Arrays.copyOf(values, o.train()), 0.9);
		PcaAnomaly rule = new PcaAnomaly("csv-pca", o.file().getFileName().toString(), model, o.confidence(), true, true,
				o.onReadings(), o.onReadings(), Level.YELLOW, PcaAnomaly.LimitPolicy.AT_LEAST_TRAINING_MAX);
		FixedRuleBook.Builder book = FixedRuleBook.builder();
		sensors.forEach(s -> book.bind(s, rule));
		int n = values.length - o.train();
		Instant[] times = new Instant[n];
		for (int i = 0; i < n; i++) {
			times[i] = time(csv.labels().get(o.train() + i), i);
		}
		Replay.Result result = Replay.run(book.build(), sensors, times, Arrays.copyOfRange(values, o.train(), values.length));
		out.println("row;time;kind;level;reason");
		for (int i = 0; i < n; i++) {
			for (Outcome outcome : result.outcomes().get(i)) {
				out.println((o.train() + i) + ";" + times[i] + ";" + outcome.kind() + ";" + outcome.level().en() + ";" + outcome.reasonEn());
			}
		}
		if (o.label() == null) {
			return null;
		}
		int labelColumn = csv.columns().indexOf(o.label());
		boolean[] labels = new boolean[n];
		for (int i = 0; i < n; i++) {
			labels[i] = csv.rows()[o.train() + i][labelColumn] > 0.5;
		}
		Confusion c = Confusion.of(result.active(), labels, 0, n);
		out.println("summary: " + c);
		return c;
	}

	/** The row's timestamp if the first column holds one, otherwise one second per row. */
	private static Instant time(String label, int row) {
		try {
			return LocalDateTime.parse(label.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
		} catch (DateTimeParseException e) {
			return Instant.EPOCH.plusSeconds(row);
		}
	}
}
