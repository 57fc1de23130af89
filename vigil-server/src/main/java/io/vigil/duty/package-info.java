/**
 * The duty desk (R6.3, R6.4): rosters of who watches when, the officer on duty as an escalation target,
 * handovers and the duty log, and the desk's view of active and overdue warnings.
 */
package io.vigil.duty;
