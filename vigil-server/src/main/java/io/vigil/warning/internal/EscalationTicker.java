package io.vigil.warning.internal;

import io.vigil.platform.PeriodicTask;
import io.vigil.warning.WarningIntake;
import io.vigil.warning.WarningSettings;

import org.springframework.stereotype.Component;

/**
 * Every {@code vigil.warning.tick}: releases warnings whose outage window has ended, then escalates
 * what is overdue. It holds no timers of its own: each tick asks the database what is due, so a restart
 * loses and repeats nothing.
 */
@Component
class EscalationTicker extends PeriodicTask {

	private final WarningEscalation escalation;

	private final WarningIntake intake;

	EscalationTicker(WarningEscalation escalation, WarningIntake intake, WarningSettings settings) {
		super("warning-escalation", settings.scheduler(), settings.tick());
		this.escalation = escalation;
		this.intake = intake;
	}

	@Override
	protected void runOnce() {
		intake.releaseEndedOutages();
		escalation.tick();
	}
}
