package nl.tijdig.deploy;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * What a service's code says about its wiring, read from its classes (the deploy module depends on the five
 * services): the topics and consumer groups of its {@link EventSubscription}s, the topic it publishes on, the
 * dead-letter topics its consumers write, and the paths of its REST resources.
 */
final class ServiceCode {

    /** A service and the root package of its code. */
    static final Map<String, String> SERVICES = Map.of(
            "invoice-service", "nl.tijdig.invoice",
            "payment-service", "nl.tijdig.payment",
            "dunning-service", "nl.tijdig.dunning",
            "notification-service", "nl.tijdig.notification",
            "collection-gateway", "nl.tijdig.collection");

    /** A consumer group and the topics it reads. */
    record Subscription(String group, Set<String> topics) {
    }

    private ServiceCode() {
    }

    static String ownTopic(String service) {
        return Stream.of(BoundedContext.values()).filter(c -> c.service().equals(service)).findFirst()
                .orElseThrow(() -> new AssertionError("no bounded context for " + service)).topic();
    }

    static List<Subscription> subscriptions(String service) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (Class<?> type : classes(service)) {
            if (EventSubscription.class.isAssignableFrom(type) && !type.isInterface()
                    && !Modifier.isAbstract(type.getModifiers())) {
                try {
                    EventSubscription subscription = (EventSubscription) type.getDeclaredConstructor().newInstance();
                    subscriptions.add(new Subscription(subscription.name(), new TreeSet<>(subscription.topics())));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot make " + type + " to ask its topics", e);
                }
            }
        }
        return subscriptions;
    }

    /** Topics the service writes: its own and a dead-letter topic per subscription and topic. */
    static Set<String> writes(String service) {
        Set<String> writes = new TreeSet<>();
        writes.add(ownTopic(service));
        for (Subscription subscription : subscriptions(service)) {
            subscription.topics().forEach(topic -> writes.add(BoundedContext.deadLetterTopic(topic, subscription.group())));
        }
        return writes;
    }

    static Set<String> reads(String service) {
        Set<String> reads = new TreeSet<>();
        subscriptions(service).forEach(s -> reads.addAll(s.topics()));
        return reads;
    }

    static Set<String> groups(String service) {
        Set<String> groups = new TreeSet<>();
        subscriptions(service).forEach(s -> groups.add(s.group()));
        return groups;
    }

    /** Every path the service's REST resources answer on, with each {param} as it is written. */
    static Set<String> restPaths(String service) {
        Set<String> paths = new TreeSet<>();
        for (Class<?> type : classes(service)) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            boolean any = false;
            for (Method method : type.getDeclaredMethods()) {
                Path sub = method.getAnnotation(Path.class);
                if (sub != null || isHttpMethod(method)) {
                    paths.add(join(root.value(), sub == null ? "" : sub.value()));
                    any = true;
                }
            }
            if (!any) {
                paths.add(join(root.value(), ""));
            }
        }
        return paths;
    }

    private static boolean isHttpMethod(Method method) {
        return Stream.of(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static final Map<String, List<Class<?>>> CLASSES = new TreeMap<>();

    private static synchronized List<Class<?>> classes(String service) {
        return CLASSES.computeIfAbsent(service, ServiceCode::load);
    }

    private static List<Class<?>> load(String service) {
        String root = SERVICES.get(service);
        if (root == null) {
            throw new IllegalArgumentException("no service " + service);
        }
        String folder = root.replace('.', '/') + "/";
        ClassLoader loader = ServiceCode.class.getClassLoader();
        List<String> names = new ArrayList<>();
        try {
            Enumeration<java.net.URL> packages = loader.getResources(folder);
            while (packages.hasMoreElements()) {
                java.net.URL url = packages.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    String jar = url.getPath().substring("file:".length(), url.getPath().indexOf("!"));
                    try (JarFile file = new JarFile(Paths.get(new java.net.URI("file:" + jar)).toFile())) {
                        for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                            String entry = entries.nextElement().getName();
                            if (entry.startsWith(folder) && entry.endsWith(".class")) {
                                names.add(entry);
                            }
                        }
                    }
                } else {
                    java.nio.file.Path dir = Paths.get(url.toURI());
                    try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> names.add(folder + dir.relativize(f).toString().replace('\\', '/')));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (names.isEmpty()) {
            throw new AssertionError("no classes of " + service + " (" + root + ") on the test class path");
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (name.endsWith("package-info.class") || name.endsWith("module-info.class")) {
                continue;
            }
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
            try {
                classes.add(Class.forName(className, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // generated or optional classes whose dependencies are absent play no part in the wiring
            }
        }
        return classes;
    }
}
