package io.vigil.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Waits until a process's JIT compiler threads have been (nearly) idle for a while, read from
 * {@code /proc/<pid>/task/*}: on 2 cores a freshly started Vigil keeps a whole core busy compiling for a minute
 * or more, which says nothing about its sustained ingest.
 */
final class JitQuiet {

	private JitQuiet() {
	}

	/**
	 * Returns the seconds waited (at most {@code maxSeconds}) until the compiler threads used less than 5 % of a
	 * core over 3 seconds; -1 without a process id or /proc.
	 */
	static long await(long pid, long maxSeconds) throws InterruptedException {
		if (pid <= 0 || !Files.isDirectory(Path.of("/proc/" + pid + "/task"))) {
			return -1;
		}
		long started = System.nanoTime();
		long before = compilerTicks(pid);
		while (true) {
			Thread.sleep(3000);
			long now = compilerTicks(pid);
			long waited = (System.nanoTime() - started) / 1_000_000_000L;
			// Clock ticks are 1/100 s: 15 ticks in 3 s is 5 % of a core.
			if (now - before < 15 || waited >= maxSeconds) {
				return waited;
			}
			before = now;
		}
	}

	/** CPU time of the process's JIT compiler threads so far, in 1/100 s (0 without /proc). */
	static long compilerTicks(long pid) {
		if (pid <= 0) {
			return 0;
		}
		try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			return tasks.mapToLong(JitQuiet::ticksIfCompiler).sum();
		}
		catch (IOException e) {
			return 0;
		}
	}

	private static long ticksIfCompiler(Path task) {
		try {
			if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
				return 0;
			}
			String stat = Files.readString(task.resolve("stat"));
			// The fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}
}
