package io.vigil.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric table read from CSV: a header row of column names, then numbers. The separator is
 * detected ({@code ;}, {@code ,}, tab or runs of spaces). A first column that is not numeric (a
 * timestamp) is kept as text in {@link #labels()}.
 */
public record NumericCsv(List<String> columns, double[][] rows, List<String> labels) {

	/** Reads a file with a header row. */
	public static NumericCsv read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		if (lines.isEmpty()) {
			throw new IOException(file + " is empty");
		}
		String separator = separatorOf(lines.get(0));
		String[] header = lines.get(0).trim().split(separator);
		String[] first = lines.size() > 1 ? lines.get(1).trim().split(separator) : header;
		int skip = isNumber(first[0]) ? 0 : 1;
		List<String> columns = Arrays.asList(header).subList(skip, header.length).stream().map(String::trim).toList();
		List<double[]> rows = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) {
				continue;
			}
			String[] cells = line.split(separator);
			double[] row = new double[cells.length - skip];
			for (int j = skip; j < cells.length; j++) {
				row[j - skip] = Double.parseDouble(cells[j].trim());
			}
			rows.add(row);
			labels.add(skip == 1 ? cells[0].trim() : Integer.toString(i - 1));
		}
		return new NumericCsv(columns, rows.toArray(new double[0][]), labels);
	}

	/** Reads whitespace-separated numbers without a header (e.g. Tennessee Eastman {@code .dat}). */
	public static double[][] readMatrix(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty())
				.map(l -> Arrays.stream(l.split("\\s+")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
	}

	/** Column {@code name}'s values. */
	public double[] column(String name) {
		int j = columns.indexOf(name);
		if (j < 0) {
			throw new IllegalArgumentException("no column " + name + " in " + columns);
		}
		return Arrays.stream(rows).mapToDouble(r -> r[j]).toArray();
	}

	private static String separatorOf(String header) {
		if (header.contains(";")) {
			return ";";
		}
		if (header.contains(",")) {
			return ",";
		}
		if (header.contains("\t")) {
			return "\t";
		}
		return "\\s+";
	}

	private static boolean isNumber(String s) {
		try {
			Double.parseDouble(s.trim());
			return true;
		} catch (NumberFormatException e) {
			return false;
		}
	}
}
