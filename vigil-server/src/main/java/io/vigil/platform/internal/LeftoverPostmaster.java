package io.vigil.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Vigil was killed with SIGKILL its embedded PostgreSQL keeps running and holds the data
 * directory; this stops such a leftover server before a new one starts.
 */
final class LeftoverPostmaster {

	private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

	private LeftoverPostmaster() {
	}

	static void stopIfRunning(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return;
		}
		long pid = Long.parseLong(lines.get(0).strip());
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
			.filter(LeftoverPostmaster::isPostgres);
		if (process.isEmpty()) {
			return;
		}
		log.warn("A PostgreSQL server (pid {}) left over from an earlier run still holds {}; stopping it", pid,
				dataDirectory);
		ProcessHandle postmaster = process.get();
		// SIGTERM is PostgreSQL's smart shutdown: its old clients are gone with the killed JVM.
		postmaster.destroy();
		try {
			postmaster.onExit().get(30, TimeUnit.SECONDS);
		}
		catch (Exception timeout) {
			log.warn("Leftover PostgreSQL did not stop in 30 s; killing it");
			postmaster.destroyForcibly();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}
}
