/**
 * Outage declarations (停报申报, R4.5): an enterprise declares itself, an asset or some sensors out of
 * service for a window; a regulator approves or rejects; inside an approved window data-interruption and
 * data-quality warnings are recorded but not pushed.
 */
package io.vigil.outage;
