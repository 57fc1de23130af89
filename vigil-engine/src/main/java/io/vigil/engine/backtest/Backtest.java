package io.vigil.engine.backtest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.vigil.engine.condition.PcaAnomaly.LimitPolicy;

/**
 * Backtest command: replays labelled public data sets through the engine's detectors (the same
 * {@link io.vigil.engine.runtime.Partition} code as the live runner) and prints the figures.
 *
 * <pre>
 * java -cp vigil-engine/target/classes io.vigil.engine.backtest.Backtest [--data DIR] [skab] [nab] [tep]
 * java -cp vigil-engine/target/classes io.vigil.engine.backtest.Backtest csv FILE [--train 400] [--label COLUMN]
 *      [--ignore C1,C2] [--confidence 0.99] [--on 5]
 * </pre>
 * The {@code csv} form fits a PCA model on the first rows of any numeric CSV and prints per-row outcomes.
 * {@code --data} defaults to {@code ../shared/data/detection} (the layout described in its README);
 * with no suite named, all three run. Settings are fixed in code, identical for every file of a suite.
 */
public final class Backtest {

	static final SkabSuite.Settings SKAB = new SkabSuite.Settings(0.9, 0.99, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX);
	// on = 1: with the envelope condition a second confirming reading would have to beat the first anomalous one
	static final NabSuite.Settings NAB = new NabSuite.Settings(6, 1, 288, true);
	static final TepSuite.Settings TEP = new TepSuite.Settings(0.9, 0.99, 1, LimitPolicy.THEORETICAL);

	/** Sensitivity: the same data under neighbouring settings, printed after the headline figures. */
	static final List<SkabSuite.Settings> SKAB_VARIANTS = List.of(
			new SkabSuite.Settings(0.9, 0.99, 5, 5, LimitPolicy.THEORETICAL),
			new SkabSuite.Settings(0.9, 0.99, 1, 1, LimitPolicy.AT_LEAST_TRAINING_MAX),
			new SkabSuite.Settings(0.9, 0.999, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX),
			new SkabSuite.Settings(0.8, 0.99, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX));
	/**
	 * Monitoring schemes compared on SKAB and TEP, fixed before any of them was run: static (the classic
	 * scheme), EWMA of T² and Q with λ = 0.1 (the textbook choice for small persistent shifts, about a
	 * 10-frame memory), recursive PCA with a memory equal to the training length, and both together.
	 * The default is the one with the lowest false-alarm rate on the anomaly-free split whose TEP mean
	 * detection rate (without 3, 9, 15) is within 5 points of the static scheme's.
	 */
	static final List<SkabSuite.Settings> SKAB_MONITORING = List.of(
			new SkabSuite.Settings(0.9, 0.99, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX, 1, false),
			new SkabSuite.Settings(0.9, 0.99, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX, 0.1, false),
			new SkabSuite.Settings(0.9, 0.99, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX, 1, true),
			new SkabSuite.Settings(0.9, 0.99, 5, 5, LimitPolicy.AT_LEAST_TRAINING_MAX, 0.1, true));
	static final List<TepSuite.Settings> TEP_MONITORING = List.of(
			new TepSuite.Settings(0.9, 0.99, 1, LimitPolicy.THEORETICAL, 0.1, false),
			new TepSuite.Settings(0.9, 0.99, 1, LimitPolicy.THEORETICAL, 1, true),
			new TepSuite.Settings(0.9, 0.99, 1, LimitPolicy.THEORETICAL, 0.1, true));
	static final List<NabSuite.Settings> NAB_VARIANTS = List.of(new NabSuite.Settings(6, 2, 288, false),
			new NabSuite.Settings(5, 1, 288, true), new NabSuite.Settings(8, 1, 288, true), new NabSuite.Settings(6, 2, 288, true),
			new NabSuite.Settings(6, 1, 576, true), new NabSuite.Settings(4, 1, 288, true));
	static final List<TepSuite.Settings> TEP_VARIANTS = List.of(new TepSuite.Settings(0.9, 0.99, 1, LimitPolicy.AT_LEAST_TRAINING_MAX),
			new TepSuite.Settings(0.9, 0.99, 3, LimitPolicy.THEORETICAL), new TepSuite.Settings(0.75, 0.99, 1, LimitPolicy.THEORETICAL));

	private Backtest() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length > 0 && args[0].equals("csv")) {
			csv(args);
			return;
		}
		Path data = Path.of("../shared/data/detection");
		List<String> suites = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--data")) {
				data = Path.of(args[++i]);
			} else if (args[i].equals("--help")) {
				System.out.println("usage: Backtest [--data DIR] [skab] [nab] [tep]  |  Backtest csv FILE [--train N] [--label COL] [--ignore C1,C2] [--confidence P] [--on N]");
				return;
			} else {
				suites.add(args[i]);
			}
		}
		if (suites.isEmpty()) {
			suites.addAll(Arrays.asList("skab", "nab", "tep"));
		}
		PrintStream out = System.out;
		for (String suite : suites) {
			long started = System.nanoTime();
			switch (suite) {
				case "skab" -> {
					out.println("SKAB (" + SKAB + "), train 400 rows / test the rest:");
					SkabSuite.run(data.resolve("skab"), SKAB, out, true);
					out.println("  sensitivity:");
					for (SkabSuite.Settings variant : SKAB_VARIANTS) {
						SkabSuite.run(data.resolve("skab"), variant, out, false);
					}
					out.println("  monitoring schemes (anomaly-free split: " + SkabSuite.TRAIN_ROWS + " train / " + SkabSuite.FREE_TEST_ROWS
							+ " test rows per segment, then the labelled files):");
					for (SkabSuite.Settings variant : SKAB_MONITORING) {
						SkabSuite.runAnomalyFree(data.resolve("skab"), variant, out);
						SkabSuite.run(data.resolve("skab"), variant, out, true);
					}
				}
				case "nab" -> {
					out.println("NAB artificial (" + NAB + "):");
					NabSuite.run(data.resolve("nab"), NAB, out, true);
					out.println("  sensitivity:");
					for (NabSuite.Settings variant : NAB_VARIANTS) {
						NabSuite.run(data.resolve("nab"), variant, out, false);
					}
				}
				case "tep" -> {
					out.println("Tennessee Eastman (" + TEP + "):");
					TepSuite.run(data.resolve("tep"), TEP, out);
					for (TepSuite.Settings variant : java.util.stream.Stream.concat(TEP_VARIANTS.stream(), TEP_MONITORING.stream()).toList()) {
						out.println("  variant: " + variant);
						TepSuite.run(data.resolve("tep"), variant, out);
					}
				}
				default -> throw new IllegalArgumentException("unknown suite " + suite + " (skab, nab, tep)");
			}
			out.printf("  (%.1f s)%n%n", (System.nanoTime() - started) / 1e9);
		}
	}

	private static void csv(String[] args) throws IOException {
		if (args.length < 2) {
			throw new IllegalArgumentException("csv needs a file");
		}
		Path file = Path.of(args[1]);
		int train = 400;
		String label = null;
		List<String> ignore = List.of();
		double confidence = 0.99;
		int on = 5;
		for (int i = 2; i < args.length; i += 2) {
			switch (args[i]) {
				case "--train" -> train = Integer.parseInt(args[i + 1]);
				case "--label" -> label = args[i + 1];
				case "--ignore" -> ignore = Arrays.asList(args[i + 1].split(","));
				case "--confidence" -> confidence = Double.parseDouble(args[i + 1]);
				case "--on" -> on = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		CsvReplay.run(new CsvReplay.Options(file, train, label, ignore, confidence, on), System.out);
	}
}
