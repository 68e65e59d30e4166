package nl.tijdig.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The house rules of every service, checked by its build ({@code ArchitectureTest} in each service calls
 * {@link #check}): a rule broken is a failing test that names the class and the line. Where code that
 * predates a rule still breaks it, the service names those classes ({@code known}) and the rule fails only
 * for any other class, so the list can only shrink.
 *
 * <ul>
 * <li>a domain is pure: it depends on no framework and on no {@code api}, {@code store}, {@code messaging} or
 * {@code config} of its service;
 * <li>the layering: {@code store} and {@code messaging} never depend on {@code api};
 * <li>configuration mappings ({@code @ConfigMapping}) live in the service's {@code config} package;
 * <li>no service depends on another service's code (only on {@code nl.tijdig.kernel}, {@code events} and
 * the other {@code platform} modules);
 * <li>SQL only in {@code store} (no query through the reactive SQL client elsewhere);
 * <li>time only from the injected {@code Clock}: no {@code now()} without a clock, no {@code System.currentTimeMillis()};
 * <li>no {@code double} or {@code float} for money (a field named for an amount), and no {@code BigDecimal}
 * made of a {@code double}: money is {@code Money}, rates are {@code BigDecimal} from text or integers.
 * </ul>
 */
public final class HouseRules {

    /** The services' root packages. */
    static final Set<String> SERVICES = Set.of("invoice", "payment", "dunning", "notification", "collection");

    private static final String[] FRAMEWORKS = {"io.quarkus..", "io.vertx..", "io.smallrye..", "jakarta..",
        "javax.inject..", "org.eclipse.microprofile..", "org.hibernate..", "org.apache.kafka..", "org.jboss..",
        "com.fasterxml.jackson.databind.."};

    private HouseRules() {
    }

    /** The service's main classes (no tests). */
    public static JavaClasses classes(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("nl.tijdig." + service);
    }

    /** Each rule of the house for the service. */
    public static List<ArchRule> rules(String service) {
        String root = "nl.tijdig." + service;
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .as("a domain depends on no framework"));
        rules.add(noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".api..", root + ".store..",
                        root + ".messaging..", root + ".config..")
                .as("a domain depends on no api, store, messaging or config"));
        rules.add(com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().areAnnotatedWith("io.smallrye.config.ConfigMapping")
                .should().resideInAPackage(root + ".config..").allowEmptyShould(true)
                .as("configuration mappings live in the config package"));
        rules.add(noClasses().that().resideInAnyPackage(root + ".store..", root + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage(root + ".api..")
                .as("store and messaging do not depend on api"));
        String[] others = SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "nl.tijdig." + s + "..")
                .toArray(String[]::new);
        rules.add(noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .as("no service depends on another service's code"));
        rules.add(noClasses().that().resideOutsideOfPackage(root + ".store..")
                .should().callMethodWhere(sql())
                .as("SQL only in store"));
        rules.add(noClasses().should().callMethodWhere(wallClock())
                .as("time only from the injected Clock"));
        rules.add(fields().that().haveRawType(double.class).or().haveRawType(float.class).or().haveRawType(Double.class)
                .or().haveRawType(Float.class)
                .should().haveNameNotMatching("(?i).*(amount|money|price|cost|total|principal|interest|vat|fee|balance"
                        + "|open|paid|due|credit|debit|sum).*")
                .allowEmptyShould(true)
                .as("no double or float for money"));
        rules.add(noClasses().should().callConstructorWhere(bigDecimalOfDouble()).orShould().callMethodWhere(bigDecimalOfDouble())
                .as("no BigDecimal made of a double (new BigDecimal(double), BigDecimal.valueOf(double))"));
        return rules;
    }

    /**
     * Checks every rule; {@code known} names the source files (top-level classes, e.g. {@code CaseResource}) that
     * predate a rule and still break it. Throws an AssertionError listing every other violation, and every known
     * class that no longer breaks any rule (so that the list shrinks with the code).
     */
    public static void check(String service, Set<String> known) {
        JavaClasses classes = classes(service);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes of nl.tijdig." + service + " were found");
        }
        List<String> broken = new ArrayList<>();
        Set<String> stillBreaking = new TreeSet<>();
        for (ArchRule rule : rules(service)) {
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
            for (String detail : result.getFailureReport().getDetails()) {
                Matcher file = SOURCE.matcher(detail);
                String source = file.find() ? file.group(1) : null;
                if (source != null && known.contains(source)) {
                    stillBreaking.add(source);
                } else {
                    broken.add(rule.getDescription() + ": " + detail);
                }
            }
        }
        Set<String> mended = new TreeSet<>(known);
        mended.removeAll(stillBreaking);
        if (!mended.isEmpty()) {
            broken.add("these classes keep every house rule now: take them off the known list: " + mended);
        }
        if (!broken.isEmpty()) {
            throw new AssertionError(broken.size() + " house rule(s) broken in nl.tijdig." + service + ":\n  "
                    + String.join("\n  ", broken));
        }
    }

    /** "in (CaseResource.java:120)": the source file of a violation. */
    private static final Pattern SOURCE = Pattern.compile("\\((\\w+)\\.java:\\d+\\)");

    private static DescribedPredicate<JavaAccess<?>> bigDecimalOfDouble() {
        return new DescribedPredicate<>("a BigDecimal of a double") {
            @Override
            public boolean test(JavaAccess<?> access) {
                return access.getTargetOwner().getName().equals("java.math.BigDecimal")
                        && access instanceof com.tngtech.archunit.core.domain.JavaCodeUnitAccess<?> call
                        && (call.getName().equals("<init>") || call.getName().equals("valueOf"))
                        && call.getTarget().getRawParameterTypes().stream().anyMatch(p -> p.getName().equals("double"));
            }
        };
    }

    private static DescribedPredicate<JavaAccess<?>> sql() {
        return new DescribedPredicate<>("a query through the SQL client (preparedQuery, query)") {
            @Override
            public boolean test(JavaAccess<?> access) {
                String name = access.getName();
                JavaClass owner = access.getTargetOwner();
                return (name.equals("preparedQuery") || name.equals("query") || name.equals("executeBatch"))
                        && owner.getPackageName().startsWith("io.vertx") && owner.getPackageName().contains("sqlclient");
            }
        };
    }

    private static DescribedPredicate<JavaAccess<?>> wallClock() {
        return new DescribedPredicate<>("the wall clock (now() without a Clock, System.currentTimeMillis)") {
            @Override
            public boolean test(JavaAccess<?> access) {
                String owner = access.getTargetOwner().getName();
                String name = access.getName();
                if (owner.equals("java.lang.System") && name.equals("currentTimeMillis")) {
                    return true;
                }
                if (!name.equals("now") || !owner.startsWith("java.time.")) {
                    return false;
                }
                // now(Clock) reads the injected clock; now() and now(ZoneId) read the wall clock
                return access instanceof com.tngtech.archunit.core.domain.JavaMethodCall call
                        && call.getTarget().getRawParameterTypes().stream().noneMatch(p -> p.getName().equals("java.time.Clock"));
            }
        };
    }
}
