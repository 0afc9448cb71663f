package im.universal.platform;

import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the schema migrations when Hibernate builds the persistence unit, before it validates the mapping against
 * the schema: the database is always migrated before any code touches it, on Payara Micro and Server alike.
 */
public class FlywayIntegrator implements Integrator {

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        ConnectionProvider provider = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class);
        SchemaMigrator.migrate(provider.unwrap(DataSource.class));
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
        // nothing to release
    }
}
