package org.wassist.sql.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's default validation, applied before anything runs: applied migrations must be unchanged (checksum,
 * description, type), none may have failed, none may be missing locally, and no unapplied script may be older than
 * the newest applied one (Flyway's {@code outOfOrder=false}). Applied versions newer than every script are ignored, as
 * Flyway ignores "future" migrations, so an older release can still run against a newer schema.
 */
final class HistoryCheck {
    private static final Set<String> VERSIONED_TYPES = Set.of("SQL", "JDBC");

    private final Map<MigrationVersion, SchemaHistory.Entry> applied = new LinkedHashMap<>();
    private @Nullable MigrationVersion baseline;

    HistoryCheck(List<SchemaHistory.Entry> history) {
        for (SchemaHistory.Entry e : history) {
            MigrationVersion v = e.version();
            if (!e.success()) {
                throw new MigrationException("flyway_schema_history records a failed migration"
                        + (v == null ? "" : " " + v) + " (" + e.description() + "); fix the database and remove that"
                        + " row (flyway repair) before migrating again");
            }
            if (v != null && e.type().equals("BASELINE")) {
                baseline = max(baseline, v);
            } else if (v != null && VERSIONED_TYPES.contains(e.type())) {
                applied.put(v, e);
            }
        }
    }

    boolean isApplied(MigrationScript script) {
        MigrationVersion b = baseline;
        return applied.containsKey(script.version())
                || (b != null && script.version().compareTo(b) <= 0);
    }

    /** The newest applied version, or null for an empty schema. */
    @Nullable
    MigrationVersion current() {
        MigrationVersion newest = baseline;
        for (MigrationVersion v : applied.keySet()) {
            newest = max(newest, v);
        }
        return newest;
    }

    void validate(List<MigrationScript> scripts) {
        MigrationVersion newestApplied = current();
        for (MigrationScript s : scripts) {
            SchemaHistory.Entry e = applied.get(s.version());
            if (e != null) {
                requireUnchanged(s, e);
            } else if (!isApplied(s) && newestApplied != null && s.version().compareTo(newestApplied) < 0) {
                throw new MigrationException("migration " + s.scriptName() + " is older than the applied version "
                        + newestApplied + " and was never applied; give it a version above " + newestApplied);
            }
        }
        MigrationVersion newestScript =
                scripts.isEmpty() ? null : scripts.getLast().version();
        for (MigrationVersion v : applied.keySet()) {
            boolean local = scripts.stream().anyMatch(s -> s.version().sameAs(v));
            if (!local && newestScript != null && v.compareTo(newestScript) < 0) {
                throw new MigrationException("applied migration " + v + " has no script in db/migration; restore it");
            }
        }
    }

    private static void requireUnchanged(MigrationScript s, SchemaHistory.Entry e) {
        if (!Objects.equals(e.checksum(), s.checksum())) {
            throw new MigrationException("migration " + s.scriptName() + " was changed after it was applied"
                    + " (checksum " + e.checksum() + " recorded, " + s.checksum() + " now); never edit an applied"
                    + " migration, add a new one");
        }
        if (!e.description().equals(s.description()) || !e.type().equals("SQL")) {
            throw new MigrationException("migration " + s.version() + " was applied as '" + e.description() + "' ("
                    + e.type() + ") but the script is " + s.scriptName());
        }
    }

    private static MigrationVersion max(@Nullable MigrationVersion a, MigrationVersion b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }
}
