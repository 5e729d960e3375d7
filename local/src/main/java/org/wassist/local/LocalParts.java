package org.wassist.local;

import java.time.Clock;
import org.wassist.aws.AwsClients;
import org.wassist.bridge.BridgeSettings;
import org.wassist.config.AppConfig;
import org.wassist.jdbc.JdbcSqlClient;
import org.wassist.observability.Pseudonyms;

/**
 * What the router and the bridge of the local run share: settings, the started stand-ins and the clients to them.
 *
 * @param config the assistant's configuration as the run uses it (the fake model's endpoint when asked for)
 */
record LocalParts(
        LocalSettings settings,
        AppConfig config,
        Clock clock,
        LocalWiring.Hooks hooks,
        LocalStandIns standIns,
        JdbcSqlClient sql,
        AwsClients aws,
        Pseudonyms pseudonyms,
        BridgeSettings bridgeSettings) {}
