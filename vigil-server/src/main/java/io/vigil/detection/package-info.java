/**
 * Detection: wires the pure {@code vigil-engine} into the stored-reading stream, derives default rules from
 * the registry, manages versioned rule sets ({@link io.vigil.detection.RuleSets}) and hands outcomes to the
 * warning module through {@link io.vigil.warning.WarningIntake}.
 */
package io.vigil.detection;
