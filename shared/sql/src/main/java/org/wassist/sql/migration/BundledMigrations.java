package org.wassist.sql.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The migrations shipped in {@code db/migration} on the classpath. They are listed here rather than discovered by
 * scanning the classpath (cold start, and a jar cannot be listed cheaply); a unit test fails when a file in the
 * folder is missing from this list. Real Flyway discovers the same files by scanning.
 */
final class BundledMigrations {
    static final String LOCATION = "db/migration/";

    /** Every migration file, in any order. Add a new file here when adding it to the folder. */
    static final List<String> SCRIPTS = List.of("V1__memory.sql");

    private BundledMigrations() {}

    static List<MigrationScript> load() {
        List<MigrationScript> scripts = new ArrayList<>();
        for (String name : SCRIPTS) {
            scripts.add(MigrationScript.of(name, read(name)));
        }
        return ordered(scripts);
    }

    /** Sorted by version; two scripts with one version are an error, as in Flyway. */
    static List<MigrationScript> ordered(List<MigrationScript> scripts) {
        List<MigrationScript> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparing(MigrationScript::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version().sameAs(sorted.get(i - 1).version())) {
                throw new MigrationException("two migrations have version "
                        + sorted.get(i).version() + ": " + sorted.get(i - 1).scriptName() + " and "
                        + sorted.get(i).scriptName());
            }
        }
        return List.copyOf(sorted);
    }

    private static String read(String name) {
        try (InputStream in = BundledMigrations.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new MigrationException("migration " + LOCATION + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + name, e);
        }
    }
}
