package im.universal.it.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared {@link Federation} into test constructors, lifecycle methods and tests. The federation is
 * started on first use and kept in the root store, so all test classes of a run share one set of processes;
 * JUnit closes it when the run ends. A failed start is remembered, so later classes fail at once instead of
 * waiting for another timeout.
 */
public final class FederationExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(FederationExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Federation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class)
                .federation();
    }

    /** The store entry: a running federation, or the reason it could not start. */
    private record Running(Federation running, Throwable failure) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            try {
                return new Running(Federation.start(), null);
            } catch (RuntimeException | Error e) {
                return new Running(null, e);
            }
        }

        Federation federation() {
            if (failure != null) {
                throw new AssertionError("the federation could not start (see the first failing test)", failure);
            }
            running.assertAllAlive();
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
