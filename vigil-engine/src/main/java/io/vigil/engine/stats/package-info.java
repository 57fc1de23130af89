/** Statistical anomaly models ("fluctuation-feature recognition"): robust univariate and PCA multivariate, with their maths. */
package io.vigil.engine.stats;
