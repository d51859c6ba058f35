package org.resetflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application under measurement, in its own JVM: started, timed from the moment it is spawned until its health
 * probe answers, its resident memory sampled every 100 ms, its GC log read afterwards, and stopped.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern GC_PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (Young|Full|Remark|Cleanup)\\b.* ([0-9.]+)ms$");

    private final String name;
    private final Process process;
    private final long spawnedAt;
    private final Path log;
    private final Path gcLog;
    private final AtomicLong peakRssKiB = new AtomicLong();
    private final Thread sampler;

    private ServerProcess(String name, Process process, long spawnedAt, Path log, Path gcLog) {
        this.name = name;
        this.process = process;
        this.spawnedAt = spawnedAt;
        this.log = log;
        this.gcLog = gcLog;
        this.sampler = new Thread(this::sample, name + "-rss");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** The heap of every process the benchmark starts, but the footprint's. */
    static final String HEAP = "-Xmx512m";

    /** {@code java -Xmx512m -Xlog:gc:... -jar <jar> <arguments>}, output to {@code <dir>/<name>.log}. */
    static ServerProcess start(String name, Path dir, Path jar, List<String> arguments, Path workDir)
            throws IOException {
        return start(name, dir, jar, HEAP, arguments, workDir);
    }

    /** {@code java <heap> -Xlog:gc:... -jar <jar> <arguments>}, output to {@code <dir>/<name>.log}. */
    static ServerProcess start(String name, Path dir, Path jar, String heap, List<String> arguments, Path workDir)
            throws IOException {
        Path out = Files.createDirectories(dir).toAbsolutePath();
        Path log = out.resolve(name + ".log");
        Path gcLog = out.resolve(name + "-gc.log");
        List<String> command = new java.util.ArrayList<>(List.of(javaExecutable(), heap, "-Xlog:gc:file=" + gcLog));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        long spawnedAt = System.nanoTime();
        return new ServerProcess(name, builder.start(), spawnedAt, log, gcLog);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Seconds from spawning the process until {@code GET url} answers 200. */
    double awaitReady(URI url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - spawnedAt) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** The highest resident set size since the last call, in MiB. */
    double takePeakRssMiB() {
        return Load.round(peakRssKiB.getAndSet(currentRssKiB()) / 1024.0);
    }

    /** The process's high-water mark of resident memory (VmHWM), in MiB. */
    double highWaterMarkMiB() {
        return Load.round(status("VmHWM") / 1024.0);
    }

    /** Starts a flight recording (profile settings) in the running process. */
    void startRecording(Path file) throws IOException, InterruptedException {
        Files.deleteIfExists(file);
        jcmd("JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    /** Stops the recording and writes it to its file. */
    void stopRecording() throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench");
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** CPU time (user and system) the process has used so far, from /proc (clock ticks of 10 ms, Linux's USER_HZ). */
    long cpuNanos() {
        try {
            return statCpuNanos(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** User and system CPU time in a {@code /proc} stat file, of a process or of one of its threads. */
    private static long statCpuNanos(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /**
     * CPU time the JIT compilers' threads (HotSpot's {@code C1 CompilerThre…} and {@code C2 CompilerThre…}) have
     * used so far: how much of a window's CPU time went to compiling rather than to journeys.
     */
    long compilerCpuNanos() {
        long nanos = 0;
        try (var threads = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            for (Path thread : threads.toList()) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        nanos += statCpuNanos(thread.resolve("stat"));
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended: its time is in the process's, not here
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return nanos;
    }

    private long currentRssKiB() {
        return status("VmRSS");
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended
        }
        return 0;
    }

    private void sample() {
        while (process.isAlive()) {
            long rss = currentRssKiB();
            peakRssKiB.accumulateAndGet(rss, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Pauses by kind from the GC log: count and total milliseconds. */
    GcFigures gc() throws IOException {
        long young = 0;
        long full = 0;
        long other = 0;
        double pausedMs = 0;
        double longestMs = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher matcher = GC_PAUSE.matcher(line.trim());
                if (matcher.find()) {
                    switch (matcher.group(1)) {
                        case "Young" -> young++;
                        case "Full" -> full++;
                        default -> other++;
                    }
                    double ms = Double.parseDouble(matcher.group(2));
                    pausedMs += ms;
                    longestMs = Math.max(longestMs, ms);
                }
            }
        }
        return new GcFigures(young, full, other, Load.round(pausedMs), Load.round(longestMs));
    }

    record GcFigures(long youngPauses, long fullPauses, long otherPauses, double totalPauseMs, double longestPauseMs) {
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
