package im.universal.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;

/**
 * The application's resources, declared once under {@code java:app/} names. Values come from the environment
 * (Payara's {@code ${ENV=...}} substitution), so one archive serves every ISP and no URL or password is in Java.
 */
@Singleton
@DataSourceDefinition(
        name = Resources.DATASOURCE,
        className = "im.universal.platform.ConfiguredDataSource",
        url = "${ENV=UIM_DB_URL:}",
        user = "${ENV=UIM_DB_USER:}",
        password = "${ENV=UIM_DB_PASSWORD:}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
            "dataDir=${ENV=UIM_DATA_DIR:data}",
            // Payara's per-connection prepared statement cache (LRU): without it every query was parsed and
            // planned again by the database on each call (docs/benchmarks.md, finding 15). The type must be given
            // (blank means LRU): unset, Payara 6 reads it as the class name "null" and caches nothing.
            "fish.payara.statement-cache-size=128",
            "fish.payara.statement-cache-type= ",
            // every connection has the same credentials: without this Payara compares the pool's whole property
            // map, copied into new hash maps, at each connection taken from the pool (finding 23)
            "fish.payara.match-connections=false"
        })
@JMSConnectionFactoryDefinition(
        name = Resources.CONNECTION_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory",
        resourceAdapter = Resources.RESOURCE_ADAPTER,
        user = "${ENV=UIM_BROKER_USER}",
        password = "${ENV=UIM_BROKER_PASSWORD}",
        maxPoolSize = 32,
        properties = {
            "ConnectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory",
            "ConnectionParameters=host=${ENV=UIM_BROKER_HOST:127.0.0.1};port=${ENV=UIM_BROKER_PORT:61616}",
            // the outbox relay sends a round in one broker transaction, outside JTA (docs/benchmarks.md, finding 25)
            "AllowLocalTransactions=true"
        })
public class Resources {
    public static final String DATASOURCE = "java:app/jdbc/uim";
    public static final String CONNECTION_FACTORY = "java:app/jms/uim";
    public static final String RESOURCE_ADAPTER = "artemis-rar";
}
