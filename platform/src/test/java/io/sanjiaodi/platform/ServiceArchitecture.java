package io.sanjiaodi.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The layout every service module follows, written once: each module's architecture test is
 * {@code @ArchTest static final ArchTests service = ArchTests.in(ServiceArchitecture.class);}
 * under its own {@code @AnalyzeClasses}. The rules hold for whichever service's classes are imported.
 */
public final class ServiceArchitecture {

    /** Deployable services; the supervision module runs inside audit-service and may be used by it alone. */
    static final List<String> SERVICES = List.of("interview", "rectification", "audit");

    /** Aggregates and commands know nothing of HTTP, Spring Data, Kafka or the read models. */
    @ArchTest
    public static final ArchRule commandSideIsFreeOfInfrastructure = noClasses()
            .that()
            .resideInAPackage("io.sanjiaodi.*.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.data..",
                    "org.springframework.kafka..",
                    "org.apache.kafka..",
                    "com.mongodb..",
                    "org.bson..",
                    "io.cloudevents..",
                    "io.sanjiaodi.*.web..",
                    "io.sanjiaodi.*.query..")
            .because("the domain must stay testable with AggregateTestFixture alone")
            .allowEmptyShould(true);

    /** Read models never send commands, touch aggregates or lean on controllers. */
    @ArchTest
    public static final ArchRule queriesDoNotReachIntoTheCommandSide = noClasses()
            .that()
            .resideInAPackage("io.sanjiaodi.*.query..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.sanjiaodi.*.command..", "io.sanjiaodi.*.web..")
            .allowEmptyShould(true);

    /** Feature-first: no technical top-level packages. */
    @ArchTest
    public static final ArchRule noTechnicalTopLevelPackages = noClasses()
            .should()
            .resideInAnyPackage(
                    "io.sanjiaodi.*.controllers..", "io.sanjiaodi.*.services..", "io.sanjiaodi.*.repositories..");

    /** Services talk only through Kafka events: no service's classes appear in another's code. */
    @ArchTest
    public static final ArchRule noOtherServiceInternals = classes()
            .that()
            .resideInAPackage("io.sanjiaodi..")
            .should(new ArchCondition<JavaClass>("depend on no other service's classes") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = service(origin.getPackageName());
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = service(dependency.getTargetClass().getPackageName());
                        if (SERVICES.contains(target) && !target.equals(own)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("services share only the published language in io.sanjiaodi.contracts");

    private ServiceArchitecture() {}

    /** {@code io.sanjiaodi.<service>...} -> {@code <service>}; anything else -> "". */
    static String service(String packageName) {
        String prefix = "io.sanjiaodi.";
        if (!packageName.startsWith(prefix)) {
            return "";
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
