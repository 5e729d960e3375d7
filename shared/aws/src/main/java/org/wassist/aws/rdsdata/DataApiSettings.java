package org.wassist.aws.rdsdata;

/**
 * Which database the Data API talks to.
 *
 * @param clusterArn the Aurora cluster ({@code DB_CLUSTER_ARN})
 * @param secretArn the Secrets Manager secret holding the database credentials ({@code DB_SECRET_ARN})
 * @param database the database name ({@code DB_NAME})
 */
public record DataApiSettings(String clusterArn, String secretArn, String database) {
    public DataApiSettings {
        require(clusterArn, "DB_CLUSTER_ARN");
        require(secretArn, "DB_SECRET_ARN");
        require(database, "DB_NAME");
    }

    private static void require(String value, String name) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
