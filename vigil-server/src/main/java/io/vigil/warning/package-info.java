/**
 * Warnings (R5.4, R5.5, R6): one open warning per (object, rule) fed by detection through
 * {@link io.vigil.warning.WarningIntake}; the handling loop 签收 → 现场核实 → 处置 → 反馈 → 消警 guarded by the
 * {@link io.vigil.warning.Warning} aggregate; routing by level; deadlines and escalation.
 */
package io.vigil.warning;
