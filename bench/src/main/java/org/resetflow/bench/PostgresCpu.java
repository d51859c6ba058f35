package org.resetflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The CPU time PostgreSQL's own processes spent for one database, for the CPU time per journey on both sides of a
 * comparison: the backends connected to that database and the server's background processes (WAL writer,
 * checkpointer, background writer, autovacuum), whose work the measured side's commits cause while the other side
 * rests. Their pids come from {@code pg_stat_activity}, their CPU time (user and system) from {@code /proc/<pid>/stat},
 * so the server must run on this machine. Each reading returns a running total: a process seen at the last reading
 * adds what it used since; one born since adds all it used; one that ended since is lost (connection pools keep
 * their connections, so that is rare). The first reading is the baseline, 0. -1 when the server is not on this
 * machine or does not answer.
 */
public final class PostgresCpu implements LongSupplier {

    private static final String PIDS = "SELECT pid FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
            + " AND (datname = current_database() OR backend_type <> 'client backend')";

    private final String url;
    private final String user;
    private final String password;
    private Map<Integer, Long> last;
    private long total;

    /** @param url the JDBC URL of the measured database, as a user who sees every session (a superuser) */
    public PostgresCpu(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public synchronized long getAsLong() {
        Map<Integer, Long> now = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet pids = statement.executeQuery(PIDS)) {
            while (pids.next()) {
                int pid = pids.getInt(1);
                long cpu = postgresCpuNanos(pid);
                if (cpu >= 0) {
                    now.put(pid, cpu);
                }
            }
        } catch (SQLException e) {
            return -1;
        }
        if (now.isEmpty()) {
            return -1;
        }
        if (last != null) {
            for (var process : now.entrySet()) {
                Long before = last.get(process.getKey());
                total += before == null ? process.getValue() : Math.max(0, process.getValue() - before);
            }
        }
        last = now;
        return total;
    }

    /** CPU time of a local PostgreSQL process, or -1 when there is no such process here. */
    static long postgresCpuNanos(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!command.startsWith("postgres")) {
                return -1;
            }
            return ticksToNanos(stat);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** User and system time from a {@code /proc/<pid>/stat} line, in clock ticks of 10 ms (Linux's USER_HZ). */
    static long ticksToNanos(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }
}
