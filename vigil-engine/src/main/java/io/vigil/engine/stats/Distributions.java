package io.vigil.engine.stats;

/**
 * Quantiles of the distributions the control limits need (normal, F, chi-square), in plain Java.
 * Accuracy: normal quantile ≈ 1e-9 relative (Acklam); F and chi-square by bisection on the
 * regularised incomplete beta / gamma functions to 1e-10.
 */
public final class Distributions {

	private Distributions() {
	}

	/** Standard normal quantile: x with P(Z ≤ x) = p, for 0 &lt; p &lt; 1. */
	public static double normalQuantile(double p) {
		if (!(p > 0 && p < 1)) {
			throw new IllegalArgumentException("p must be in (0, 1), was " + p);
		}
		double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
		double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
		double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
		double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
		double low = 0.02425;
		if (p < low) {
			double q = Math.sqrt(-2 * Math.log(p));
			return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		if (p > 1 - low) {
			return -normalQuantile(1 - p);
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

	/** Cumulative F(d1, d2) distribution at x. */
	public static double fCdf(double x, double d1, double d2) {
		if (x <= 0) {
			return 0;
		}
		return regularizedBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2);
	}

	/** Quantile of F(d1, d2). */
	public static double fQuantile(double p, double d1, double d2) {
		double hi = 1;
		while (fCdf(hi, d1, d2) < p) {
			hi *= 2;
		}
		return bisect(x -> fCdf(x, d1, d2), p, 0, hi);
	}

	/** Cumulative chi-square distribution with {@code k} degrees of freedom. */
	public static double chiSquareCdf(double x, double k) {
		return x <= 0 ? 0 : regularizedGammaP(k / 2, x / 2);
	}

	/** Quantile of chi-square with {@code k} degrees of freedom. */
	public static double chiSquareQuantile(double p, double k) {
		double hi = Math.max(1, k);
		while (chiSquareCdf(hi, k) < p) {
			hi *= 2;
		}
		return bisect(x -> chiSquareCdf(x, k), p, 0, hi);
	}

	private static double bisect(java.util.function.DoubleUnaryOperator cdf, double p, double lo, double hi) {
		for (int i = 0; i < 200 && hi - lo > 1e-10 * Math.max(1, hi); i++) {
			double mid = (lo + hi) / 2;
			if (cdf.applyAsDouble(mid) < p) {
				lo = mid;
			} else {
				hi = mid;
			}
		}
		return (lo + hi) / 2;
	}

	static double logGamma(double x) {
		double[] g = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5};
		double y = x;
		double tmp = x + 5.5;
		tmp -= (x + 0.5) * Math.log(tmp);
		double ser = 1.000000000190015;
		for (double c : g) {
			ser += c / ++y;
		}
		return -tmp + Math.log(2.5066282746310005 * ser / x);
	}

	/** Regularised incomplete beta I_x(a, b) (Numerical Recipes continued fraction). */
	static double regularizedBeta(double x, double a, double b) {
		if (x <= 0) {
			return 0;
		}
		if (x >= 1) {
			return 1;
		}
		double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
		if (x < (a + 1) / (a + b + 2)) {
			return front * betaFraction(x, a, b) / a;
		}
		return 1 - front * betaFraction(1 - x, b, a) / b;
	}

	private static double betaFraction(double x, double a, double b) {
		double tiny = 1e-300;
		double c = 1;
		double d = 1 - (a + b) * x / (a + 1);
		d = 1 / (Math.abs(d) < tiny ? tiny : d);
		double h = d;
		for (int m = 1; m <= 1000; m++) {
			int m2 = 2 * m;
			double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
			d = 1 / nonZero(1 + aa * d);
			c = nonZero(1 + aa / c);
			h *= d * c;
			aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
			d = 1 / nonZero(1 + aa * d);
			c = nonZero(1 + aa / c);
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < 1e-15) {
				break;
			}
		}
		return h;
	}

	private static double nonZero(double v) {
		return Math.abs(v) < 1e-300 ? 1e-300 : v;
	}

	/** Regularised lower incomplete gamma P(a, x). */
	static double regularizedGammaP(double a, double x) {
		if (x < a + 1) {
			double sum = 1 / a;
			double term = sum;
			for (int n = 1; n < 1000; n++) {
				term *= x / (a + n);
				sum += term;
				if (Math.abs(term) < Math.abs(sum) * 1e-15) {
					break;
				}
			}
			return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
		}
		double b = x + 1 - a;
		double c = 1 / 1e-300;
		double d = 1 / b;
		double h = d;
		for (int i = 1; i < 1000; i++) {
			double an = -i * (i - a);
			b += 2;
			d = 1 / nonZero(an * d + b);
			c = nonZero(b + an / c);
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < 1e-15) {
				break;
			}
		}
		return 1 - Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
	}
}
