package io.vigil.engine.backtest;

import io.vigil.engine.Level;
import io.vigil.engine.condition.RobustAnomaly;
import io.vigil.engine.runtime.FixedRuleBook;
import io.vigil.engine.stats.NumericCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * NAB artificial series through {@link RobustAnomaly}. The season is estimated per file from the
 * probationary 15 % only (the largest autocorrelation peak, if above 0.5), the way the live system
 * would fit it from stored history; everything else is the same for every file.
 */
final class NabSuite {

	/** Detector settings, the same for every file. */
	record Settings(double zLimit, int onReadings, int window, boolean beyondEnvelope) {
		@Override
		public String toString() {
			return "robust z limit " + zLimit + ", on " + onReadings + " readings, reference window " + window + " readings, season from probation ACF"
					+ (beyondEnvelope ? ", beyond the window's envelope" : "");
		}
	}

	private NabSuite() {
	}

	static double run(Path nab, Settings settings, PrintStream out, boolean perFile) throws IOException {
		Map<String, List<String[]>> windows = windows(Files.readString(nab.resolve("combined_windows.json")));
		List<Path> files;
		try (Stream<Path> walk = Files.walk(nab.resolve("data"))) {
			files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
		}
		List<NabScore.FileScore> scores = new ArrayList<>();
		for (Path file : files) {
			String name = nab.resolve("data").relativize(file).toString().replace('\\', '/');
			NumericCsv csv = NumericCsv.read(file);
			double[] values = csv.column("value");
			Instant[] times = new Instant[values.length];
			for (int i = 0; i < values.length; i++) {
				times[i] = LocalDateTime.parse(csv.labels().get(i).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
			}
			int probation = (int) Math.floor(0.15 * values.length);
			int season = season(values, probation);
			RobustAnomaly rule = new RobustAnomaly("nab-robust", settings.window(), season, settings.zLimit(), settings.onReadings(), Level.BLUE, settings.beyondEnvelope());
			double[][] rows = new double[values.length][];
			for (int i = 0; i < values.length; i++) {
				rows[i] = new double[] {values[i]};
			}
			Replay.Result result = Replay.run(FixedRuleBook.builder().bind("value", rule).build(), List.of("value"), times, rows);
			List<int[]> rowWindows = new ArrayList<>();
			for (String[] w : windows.getOrDefault(name, List.of())) {
				rowWindows.add(new int[] {indexOf(times, parse(w[0])), indexOf(times, parse(w[1]))});
			}
			NabScore.FileScore score = NabScore.score(values.length, rowWindows, result.raisedRows());
			scores.add(score);
			if (perFile) out.printf("  %-52s season %3d  windows %d detected %d  FP %2d  raw %+.3f%n", name, season, score.windows(),
					score.detectedWindows(), score.falsePositives(), score.raw());
		}
		double normalised = NabScore.normalised(scores);
		out.printf("  NAB-style score (standard profile) over %d files: %.1f   [%s]%n", files.size(), normalised, settings);
		return normalised;
	}

	/** Lag of the highest autocorrelation in the first {@code rows} values, 0 when none exceeds 0.5. */
	static int season(double[] values, int rows) {
		double mean = 0;
		for (int i = 0; i < rows; i++) {
			mean += values[i] / rows;
		}
		double variance = 0;
		for (int i = 0; i < rows; i++) {
			variance += (values[i] - mean) * (values[i] - mean);
		}
		if (variance <= 1e-12) {
			return 0;
		}
		int best = 0;
		double bestAcf = 0.5;
		for (int lag = 4; lag <= rows / 2; lag++) {
			double acf = 0;
			for (int i = lag; i < rows; i++) {
				acf += (values[i] - mean) * (values[i - lag] - mean);
			}
			acf /= variance;
			// a lag is only a season if it beats its neighbours (a peak), not a slowly decaying tail
			if (acf > bestAcf && acf >= neighbour(values, mean, variance, rows, lag - 1) && acf >= neighbour(values, mean, variance, rows, lag + 1)) {
				best = lag;
				bestAcf = acf;
			}
		}
		return best;
	}

	private static double neighbour(double[] values, double mean, double variance, int rows, int lag) {
		double acf = 0;
		for (int i = lag; i < rows; i++) {
			acf += (values[i] - mean) * (values[i - lag] - mean);
		}
		return acf / variance;
	}

	private static Instant parse(String text) {
		return LocalDateTime.parse(text.substring(0, 19).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
	}

	private static int indexOf(Instant[] times, Instant t) {
		int i = java.util.Arrays.binarySearch(times, t);
		return i >= 0 ? i : Math.min(times.length - 1, -i - 1);
	}

	/** Reads NAB's combined_windows.json: every quoted name ending in .csv starts a list of [start, end] pairs. */
	static Map<String, List<String[]>> windows(String json) {
		Map<String, List<String[]>> result = new HashMap<>();
		Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(json);
		String file = null;
		String start = null;
		while (m.find()) {
			String s = m.group(1);
			if (s.endsWith(".csv")) {
				file = s;
				result.put(file, new ArrayList<>());
			} else if (start == null) {
				start = s;
			} else {
				result.get(file).add(new String[] {start, s});
				start = null;
			}
		}
		return result;
	}
}
