package io.vigil.detection.internal;

import io.vigil.registry.RegistryChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Tells the engine about committed registry changes, so that a new or changed sensor is judged without a full rebuild. */
@Component
class RegistryChanges {

	private final DetectionEngine engine;

	RegistryChanges(DetectionEngine engine) {
		this.engine = engine;
	}

	/** After commit only: the engine reads the registry, and a rolled-back change must not be compiled. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(RegistryChanged change) {
		engine.registryChanged(change.entity(), change.code(), change.action());
	}
}
