package io.vigil.engine.stats;

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations; fine for the tens of
 * variables of a process unit. Eigenvalues are returned in descending order with their vectors as
 * columns.
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

	/** Decomposes {@code matrix} (not modified). */
	public static SymmetricEigen of(double[][] matrix) {
		int n = matrix.length;
		double[][] a = new double[n][];
		for (int i = 0; i < n; i++) {
			a[i] = matrix[i].clone();
		}
		double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) {
			v[i][i] = 1;
		}
		for (int sweep = 0; sweep < 100; sweep++) {
			double off = 0;
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					off += a[p][q] * a[p][q];
				}
			}
			if (off < 1e-22) {
				break;
			}
			for (int p = 0; p < n; p++) {
				for (int q = p + 1; q < n; q++) {
					if (Math.abs(a[p][q]) < 1e-300) {
						continue;
					}
					double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
					double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
					if (theta == 0) {
						t = 1;
					}
					double c = 1 / Math.sqrt(t * t + 1);
					double s = t * c;
					for (int k = 0; k < n; k++) {
						double akp = a[k][p];
						double akq = a[k][q];
						a[k][p] = c * akp - s * akq;
						a[k][q] = s * akp + c * akq;
					}
					for (int k = 0; k < n; k++) {
						double apk = a[p][k];
						double aqk = a[q][k];
						a[p][k] = c * apk - s * aqk;
						a[q][k] = s * apk + c * aqk;
					}
					for (int k = 0; k < n; k++) {
						double vkp = v[k][p];
						double vkq = v[k][q];
						v[k][p] = c * vkp - s * vkq;
						v[k][q] = s * vkp + c * vkq;
					}
				}
			}
		}
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
		double[] values = new double[n];
		double[][] vectors = new double[n][n];
		for (int j = 0; j < n; j++) {
			values[j] = a[order[j]][order[j]];
			for (int i = 0; i < n; i++) {
				vectors[i][j] = v[i][order[j]];
			}
		}
		return new SymmetricEigen(values, vectors);
	}
}
