package im.universal.jms.rar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks META-INF/ra.xml against the classes of artemis-jakarta-ra 2.44.0 on the RAR's class path: every class
 * exists and implements its interface, and every config-property has a setter of exactly the declared type
 * (Payara refuses the RAR otherwise, and only at deployment time).
 */
class RaXmlTest {

    private static final String NS = "https://jakarta.ee/xml/ns/jakartaee";
    private static Element root;

    @BeforeAll
    static void parse() throws Exception {
        Path raXml = Path.of("src", "main", "rar", "META-INF", "ra.xml");
        assertTrue(Files.isRegularFile(raXml), "missing " + raXml.toAbsolutePath());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(raXml.toFile());
        root = document.getDocumentElement();
    }

    @Test
    void isAConnector21DescriptorInTheJakartaNamespace() {
        assertEquals(NS, root.getNamespaceURI());
        assertEquals("connector", root.getLocalName());
        assertEquals("2.1", root.getAttribute("version"));
    }

    @Test
    void resourceAdapterClassAndItsProperties() throws Exception {
        Element ra = single(root, "resourceadapter");
        Class<?> raClass = load(text(ra, "resourceadapter-class"));
        assertEquals("org.apache.activemq.artemis.ra.ActiveMQResourceAdapter", raClass.getName());
        assertTrue(ResourceAdapter.class.isAssignableFrom(raClass));
        checkConfigProperties(raClass, directChildren(ra, "config-property"));
        assertEquals(
                "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory",
                configValue(ra, "ConnectorClassName"));
        assertEquals("host=127.0.0.1;port=61616", configValue(ra, "ConnectionParameters"));
    }

    @Test
    void outboundConnectionDefinitionIsAnXaJmsConnectionFactory() throws Exception {
        Element outbound = single(single(root, "resourceadapter"), "outbound-resourceadapter");
        Element definition = single(outbound, "connection-definition");
        Class<?> mcf = load(text(definition, "managedconnectionfactory-class"));
        assertTrue(ManagedConnectionFactory.class.isAssignableFrom(mcf));
        checkConfigProperties(mcf, directChildren(definition, "config-property"));

        assertEquals(ConnectionFactory.class.getName(), text(definition, "connectionfactory-interface"));
        assertImplements(
                text(definition, "connectionfactory-impl-class"), text(definition, "connectionfactory-interface"));
        assertEquals("jakarta.jms.Session", text(definition, "connection-interface"));
        assertImplements(text(definition, "connection-impl-class"), text(definition, "connection-interface"));
        assertEquals("XATransaction", text(outbound, "transaction-support"));
    }

    @Test
    void inboundActivationSpecForJmsMessageListeners() throws Exception {
        Element listener = single(
                single(single(single(root, "resourceadapter"), "inbound-resourceadapter"), "messageadapter"),
                "messagelistener");
        assertEquals(MessageListener.class.getName(), text(listener, "messagelistener-type"));
        Class<?> spec = load(text(single(listener, "activationspec"), "activationspec-class"));
        assertTrue(ActivationSpec.class.isAssignableFrom(spec));
        // the activation config the MDBs use (STACK-FACTS) must be settable
        for (String property : List.of(
                "destination",
                "destinationType",
                "useJNDI",
                "subscriptionDurability",
                "shareSubscriptions",
                "subscriptionName",
                "user",
                "password",
                "maxSession",
                "connectionParameters")) {
            assertFalse(setters(spec, property).isEmpty(), "activation spec has no setter for " + property);
        }
    }

    @Test
    void adminObjectsForQueuesAndTopicsWithAnAddressProperty() throws Exception {
        List<Element> adminObjects = directChildren(single(root, "resourceadapter"), "adminobject");
        List<String> interfaces = new ArrayList<>();
        for (Element adminObject : adminObjects) {
            String iface = text(adminObject, "adminobject-interface");
            interfaces.add(iface);
            Class<?> impl = assertImplements(text(adminObject, "adminobject-class"), iface);
            impl.getConstructor(); // JavaBean
            List<Element> properties = directChildren(adminObject, "config-property");
            assertEquals("Address", text(properties.get(0), "config-property-name"));
            checkConfigProperties(impl, properties);
        }
        assertEquals(List.of("jakarta.jms.Queue", "jakarta.jms.Topic"), interfaces);
    }

    private static void checkConfigProperties(Class<?> beanClass, List<Element> properties) throws Exception {
        for (Element property : properties) {
            String name = text(property, "config-property-name");
            Class<?> type = Class.forName(text(property, "config-property-type"));
            List<Method> setters = setters(beanClass, name);
            if (setters.stream().noneMatch(m -> m.getParameterTypes()[0].equals(type))) {
                fail(beanClass.getSimpleName() + " has no set" + name + "(" + type.getName() + "), only " + setters);
            }
            List<Element> values = directChildren(property, "config-property-value");
            if (!values.isEmpty() && type != String.class) {
                // must convert the way a container does (valueOf)
                type.getMethod("valueOf", String.class)
                        .invoke(null, values.get(0).getTextContent().trim());
            }
        }
    }

    private static List<Method> setters(Class<?> beanClass, String property) {
        String setter = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        List<Method> found = new ArrayList<>();
        for (Method method : beanClass.getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                found.add(method);
            }
        }
        return found;
    }

    private static Class<?> assertImplements(String className, String interfaceName) throws Exception {
        Class<?> impl = load(className);
        Class<?> iface = load(interfaceName);
        assertTrue(iface.isInterface(), interfaceName + " is not an interface");
        assertTrue(iface.isAssignableFrom(impl), className + " does not implement " + interfaceName);
        return impl;
    }

    private static Class<?> load(String className) throws ClassNotFoundException {
        return Class.forName(className, false, RaXmlTest.class.getClassLoader());
    }

    private static String configValue(Element parent, String name) {
        for (Element property : directChildren(parent, "config-property")) {
            if (name.equals(text(property, "config-property-name"))) {
                return text(property, "config-property-value");
            }
        }
        throw new AssertionError("no config-property " + name);
    }

    private static String text(Element parent, String child) {
        return single(parent, child).getTextContent().trim();
    }

    private static Element single(Element parent, String child) {
        List<Element> found = directChildren(parent, child);
        assertEquals(1, found.size(), "number of <" + child + "> in <" + parent.getLocalName() + ">");
        return found.get(0);
    }

    private static List<Element> directChildren(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && NS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
