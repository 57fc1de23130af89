/** The detection engine: turns readings into graded outcomes, free of any framework. */
package io.vigil.engine;
