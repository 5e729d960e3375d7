package org.wassist.bridge.http;

/**
 * One readiness dependency; checks run in parallel with a timeout; /readyz answers 503 naming each failing check.
 * A check must not throw for an expected failure; it returns {@link Result#failing}. Details never carry secrets or
 * personal data.
 */
public interface ReadinessCheck {
    String name();

    Result check();

    /** The outcome of one check. */
    record Result(boolean ok, String detail) {
        public static Result passing(String detail) {
            return new Result(true, detail);
        }

        public static Result failing(String detail) {
            return new Result(false, detail);
        }
    }

    /** A check from a name and a function. */
    static ReadinessCheck of(String name, java.util.function.Supplier<Result> check) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result check() {
                return check.get();
            }
        };
    }
}
