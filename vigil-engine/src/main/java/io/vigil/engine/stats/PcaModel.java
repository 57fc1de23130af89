package io.vigil.engine.stats;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * PCA model of normal operation of a process unit, on standardised variables (correlation PCA).
 * Scores Hotelling's T² in the retained subspace and Q (squared prediction error) in the residual one.
 * Control limits: T² by the F distribution for a new observation,
 * {@code k(n−1)(n+1) / (n(n−k)) · F(k, n−k)}; Q by Jackson–Mudholkar from the residual eigenvalues.
 * Immutable.
 */
public final class PcaModel implements Serializable {

	private static final long serialVersionUID = 1L;

	private final List<String> variables;
	private final double[] mean;
	private final double[] scale;
	private final double[][] loadings;
	private final double[] eigenvalues;
	private final int components;
	private final int observations;
	private double trainingMaxT2;
	private double trainingMaxQ;

	private PcaModel(List<String> variables, double[] mean, double[] scale, double[][] loadings, double[] eigenvalues,
			int components, int observations) {
		this.variables = List.copyOf(variables);
		this.mean = mean;
		this.scale = scale;
		this.loadings = loadings;
		this.eigenvalues = eigenvalues;
		this.components = components;
		this.observations = observations;
	}

	/**
	 * Fits on rows of normal operation.
	 *
	 * @param variables       names of the columns (sensor keys), in row order
	 * @param rows            observations × variables, normal operation only
	 * @param varianceToKeep  fraction of variance the retained components explain (e.g. 0.9)
	 * @throws IllegalArgumentException with fewer rows than variables + 2, or ragged rows
	 */
	public static PcaModel fit(List<String> variables, double[][] rows, double varianceToKeep) {
		int p = variables.size();
		int n = rows.length;
		if (n < p + 2) {
			throw new IllegalArgumentException("PCA needs more observations (" + n + ") than variables + 1 (" + (p + 1) + ")");
		}
		if (!(varianceToKeep > 0 && varianceToKeep < 1)) {
			throw new IllegalArgumentException("varianceToKeep must be in (0, 1), was " + varianceToKeep);
		}
		double[] mean = new double[p];
		double[] scale = new double[p];
		for (double[] row : rows) {
			if (row.length != p) {
				throw new IllegalArgumentException("row has " + row.length + " values, expected " + p);
			}
			for (int j = 0; j < p; j++) {
				mean[j] += row[j] / n;
			}
		}
		for (double[] row : rows) {
			for (int j = 0; j < p; j++) {
				scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
			}
		}
		for (int j = 0; j < p; j++) {
			scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1e-6;
		}
		double[][] cov = new double[p][p];
		for (double[] row : rows) {
			double[] z = new double[p];
			for (int j = 0; j < p; j++) {
				z[j] = (row[j] - mean[j]) / scale[j];
			}
			for (int i = 0; i < p; i++) {
				for (int j = i; j < p; j++) {
					cov[i][j] += z[i] * z[j] / (n - 1);
				}
			}
		}
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < i; j++) {
				cov[i][j] = cov[j][i];
			}
		}
		SymmetricEigen eigen = SymmetricEigen.of(cov);
		double[] values = eigen.values();
		for (int i = 0; i < p; i++) {
			values[i] = Math.max(values[i], 1e-12);
		}
		double total = Arrays.stream(values).sum();
		int k = 0;
		double explained = 0;
		while (k < p - 1 && explained / total < varianceToKeep) {
			explained += values[k++];
		}
		k = Math.max(1, k);
		double[][] loadings = new double[p][k];
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < k; j++) {
				loadings[i][j] = eigen.vectors()[i][j];
			}
		}
		PcaModel model = new PcaModel(variables, mean, scale, loadings, values, k, n);
		for (double[] row : rows) {
			double[] score = model.score(row);
			model.trainingMaxT2 = Math.max(model.trainingMaxT2, score[0]);
			model.trainingMaxQ = Math.max(model.trainingMaxQ, score[1]);
		}
		return model;
	}

	/** Largest T² and Q seen on the training rows: {t2, q}. */
	public double[] trainingMax() {
		return new double[] {trainingMaxT2, trainingMaxQ};
	}

	/** Fits on a numeric CSV file (header row of variable names, see {@link NumericCsv}). */
	public static PcaModel fit(Path csv, double varianceToKeep) throws IOException {
		NumericCsv data = NumericCsv.read(csv);
		return fit(data.columns(), data.rows(), varianceToKeep);
	}

	public List<String> variables() {
		return variables;
	}

	public int components() {
		return components;
	}

	public int observations() {
		return observations;
	}

	/** Hotelling's T² and Q (SPE) of one observation, in {@link #variables()} order: {t2, q}. */
	public double[] score(double[] x) {
		int p = mean.length;
		double[] z = new double[p];
		for (int j = 0; j < p; j++) {
			z[j] = (x[j] - mean[j]) / scale[j];
		}
		double t2 = 0;
		double[] t = new double[components];
		for (int c = 0; c < components; c++) {
			double s = 0;
			for (int j = 0; j < p; j++) {
				s += z[j] * loadings[j][c];
			}
			t[c] = s;
			t2 += s * s / eigenvalues[c];
		}
		double q = 0;
		for (int j = 0; j < p; j++) {
			double reconstructed = 0;
			for (int c = 0; c < components; c++) {
				reconstructed += t[c] * loadings[j][c];
			}
			double e = z[j] - reconstructed;
			q += e * e;
		}
		return new double[] {t2, q};
	}

	/** T² control limit at {@code confidence} (F distribution, new observation). */
	public double t2Limit(double confidence) {
		int n = observations;
		int k = components;
		return k * (n - 1.0) * (n + 1.0) / (n * (double) (n - k)) * Distributions.fQuantile(confidence, k, n - k);
	}

	/** Q (SPE) control limit at {@code confidence} (Jackson–Mudholkar). */
	public double qLimit(double confidence) {
		double t1 = 0, t2 = 0, t3 = 0;
		for (int i = components; i < eigenvalues.length; i++) {
			double l = eigenvalues[i];
			t1 += l;
			t2 += l * l;
			t3 += l * l * l;
		}
		if (t1 <= 0) {
			return 0;
		}
		double h0 = 1 - 2 * t1 * t3 / (3 * t2 * t2);
		double c = Distributions.normalQuantile(confidence);
		return t1 * Math.pow(c * Math.sqrt(2 * t2 * h0 * h0) / t1 + 1 + t2 * h0 * (h0 - 1) / (t1 * t1), 1 / h0);
	}
}
