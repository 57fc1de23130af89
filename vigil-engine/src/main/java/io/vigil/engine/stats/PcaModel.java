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
 * The model keeps its (unstandardised) covariance and the T²/Q of its training rows so that a monitor
 * can smooth the statistics ({@link #ewmaLimit}) or update the model recursively ({@link #fromMoments}).
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
	private final double[][] covariance;
	private double trainingMaxT2;
	private double trainingMaxQ;
	/** {t2, q} of every training row in order; empty for models built from moments. */
	private double[][] trainingScores = new double[0][];

	private PcaModel(List<String> variables, double[] mean, double[] scale, double[][] loadings, double[] eigenvalues,
			int components, int observations, double[][] covariance) {
		this.variables = List.copyOf(variables);
		this.mean = mean;
		this.scale = scale;
		this.loadings = loadings;
		this.eigenvalues = eigenvalues;
		this.components = components;
		this.observations = observations;
		this.covariance = covariance;
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
		for (double[] row : rows) {
			if (row.length != p) {
				throw new IllegalArgumentException("row has " + row.length + " values, expected " + p);
			}
			for (int j = 0; j < p; j++) {
				mean[j] += row[j] / n;
			}
		}
		double[][] cov = new double[p][p];
		for (double[] row : rows) {
			for (int i = 0; i < p; i++) {
				for (int j = i; j < p; j++) {
					cov[i][j] += (row[i] - mean[i]) * (row[j] - mean[j]) / (n - 1);
				}
			}
		}
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < i; j++) {
				cov[i][j] = cov[j][i];
			}
		}
		PcaModel model = build(variables, mean, cov, varianceToKeep, 0, n);
		model.trainingScores = new double[n][];
		for (int i = 0; i < n; i++) {
			double[] score = model.score(rows[i]);
			model.trainingScores[i] = score;
			model.trainingMaxT2 = Math.max(model.trainingMaxT2, score[0]);
			model.trainingMaxQ = Math.max(model.trainingMaxQ, score[1]);
		}
		return model;
	}

	/**
	 * A model from a mean and an (unstandardised) covariance, e.g. recursively updated ones, keeping
	 * {@code components} principal components so that its statistics stay comparable with the model it
	 * was updated from. Training maxima are carried over from {@code origin}, which stays the reference
	 * for the {@code AT_LEAST_TRAINING_MAX} floor.
	 *
	 * @param observations the effective number of observations behind the moments (for the T² limit)
	 */
	public static PcaModel fromMoments(PcaModel origin, double[] mean, double[][] covariance, int observations) {
		PcaModel model = build(origin.variables, mean.clone(), copy(covariance), 0, origin.components, observations);
		model.trainingMaxT2 = origin.trainingMaxT2;
		model.trainingMaxQ = origin.trainingMaxQ;
		return model;
	}

	/** Correlation PCA of {@code cov}: {@code components} > 0 fixes k, otherwise k explains {@code varianceToKeep}. */
	private static PcaModel build(List<String> variables, double[] mean, double[][] cov, double varianceToKeep, int components, int n) {
		int p = mean.length;
		double[] scale = new double[p];
		for (int j = 0; j < p; j++) {
			scale[j] = cov[j][j] > 1e-12 ? Math.sqrt(cov[j][j]) : 1e-6;
		}
		double[][] corr = new double[p][p];
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < p; j++) {
				corr[i][j] = cov[i][j] / (scale[i] * scale[j]);
			}
		}
		SymmetricEigen eigen = SymmetricEigen.of(corr);
		double[] values = eigen.values();
		for (int i = 0; i < p; i++) {
			values[i] = Math.max(values[i], 1e-12);
		}
		int k = components;
		if (k <= 0) {
			double total = Arrays.stream(values).sum();
			double explained = 0;
			while (k < p - 1 && explained / total < varianceToKeep) {
				explained += values[k++];
			}
			k = Math.max(1, k);
		}
		double[][] loadings = new double[p][k];
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < k; j++) {
				loadings[i][j] = eigen.vectors()[i][j];
			}
		}
		return new PcaModel(variables, mean, scale, loadings, values, k, n, cov);
	}

	private static double[][] copy(double[][] m) {
		double[][] c = new double[m.length][];
		for (int i = 0; i < m.length; i++) {
			c[i] = m[i].clone();
		}
		return c;
	}

	/** Mean of the variables (copy). */
	public double[] mean() {
		return mean.clone();
	}

	/** Unstandardised covariance of the variables (copy). */
	public double[][] covariance() {
		return copy(covariance);
	}

	/** {t2, q} of every training row, in row order (copy); empty for a model built by {@link #fromMoments}. */
	public double[][] trainingScores() {
		return copy(trainingScores);
	}

	/**
	 * In-control mean and variance of T² and Q for one independent observation: T² ≈ χ²(k), so {k, 2k};
	 * Q = Σ λᵢ·χ²(1) over the residual eigenvalues, so {θ₁, 2θ₂}. Returned as {meanT2, varT2, meanQ, varQ}.
	 */
	public double[] statisticMoments() {
		double t1 = 0, t2 = 0;
		for (int i = components; i < eigenvalues.length; i++) {
			t1 += eigenvalues[i];
			t2 += eigenvalues[i] * eigenvalues[i];
		}
		return new double[] {components, 2.0 * components, t1, 2 * t2};
	}

	/**
	 * Upper control limit of an EWMA (weight {@code lambda}) of independent copies of a statistic with the
	 * given in-control {@code mean} and {@code variance}: the smoothed statistic has the same mean and, in
	 * steady state, variance {@code variance · λ / (2 − λ)}; it is approximated by g·χ²(h) with matched
	 * moments (Box 1954), g = v / (2m), h = 2m² / v. {@code lambda} = 1 gives the plain moment-matched limit.
	 */
	public static double ewmaLimit(double mean, double variance, double lambda, double confidence) {
		if (mean <= 0 || variance <= 0) {
			return 0;
		}
		double v = variance * lambda / (2 - lambda);
		double g = v / (2 * mean);
		double h = 2 * mean * mean / v;
		return g * Distributions.chiSquareQuantile(confidence, h);
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
