package org.wassist.infra.constructs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * Log groups are always created explicitly, with a retention period: a group that Lambda or ECS creates on first
 * write keeps its logs forever, and stored logs are billed every month (docs/operations.md, Costs).
 */
public final class Logs {
    private Logs() {}

    public static LogGroup group(Construct scope, String id, int retentionDays, RemovalPolicy removal) {
        return LogGroup.Builder.create(scope, id)
                .retention(retention(retentionDays))
                .removalPolicy(removal)
                .build();
    }

    static RetentionDays retention(int days) {
        for (RetentionDays r : RetentionDays.values()) {
            if (r != RetentionDays.INFINITE && days(r) == days) {
                return r;
            }
        }
        throw new IllegalArgumentException("CloudWatch Logs has no retention period of " + days + " days");
    }

    private static int days(RetentionDays r) {
        return switch (r) {
            case ONE_DAY -> 1;
            case THREE_DAYS -> 3;
            case FIVE_DAYS -> 5;
            case ONE_WEEK -> 7;
            case TWO_WEEKS -> 14;
            case ONE_MONTH -> 30;
            case TWO_MONTHS -> 60;
            case THREE_MONTHS -> 90;
            case FOUR_MONTHS -> 120;
            case FIVE_MONTHS -> 150;
            case SIX_MONTHS -> 180;
            case ONE_YEAR -> 365;
            case THIRTEEN_MONTHS -> 400;
            case EIGHTEEN_MONTHS -> 545;
            case TWO_YEARS -> 731;
            case THREE_YEARS -> 1096;
            case FIVE_YEARS -> 1827;
            case SIX_YEARS -> 2192;
            case SEVEN_YEARS -> 2557;
            case EIGHT_YEARS -> 2922;
            case NINE_YEARS -> 3288;
            case TEN_YEARS -> 3653;
            case INFINITE -> -1;
        };
    }
}
