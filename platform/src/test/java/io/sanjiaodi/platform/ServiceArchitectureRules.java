package io.sanjiaodi.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layout every service follows (feature-first packages; domain free of web, persistence and
 * messaging code). Each service's architecture test applies these rules to its own classes.
 */
public final class ServiceArchitectureRules {

    private ServiceArchitectureRules() {
    }

    /** Aggregates and commands know nothing of HTTP, Spring Data, Kafka or the read models. */
    public static ArchRule commandSideIsFreeOfInfrastructure(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + ".command..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.data..", "org.springframework.kafka..",
                        "org.apache.kafka..", "com.mongodb..", "org.bson..", "io.cloudevents..",
                        servicePackage + ".web..", servicePackage + ".query..")
                .because("the domain must stay testable with AggregateTestFixture alone");
    }

    /** Read models never send commands or touch aggregates. */
    public static ArchRule queriesDoNotReachIntoTheCommandSide(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + ".query..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".command..", servicePackage + ".web..");
    }

    /** Feature-first: no technical top-level packages. */
    public static ArchRule noTechnicalTopLevelPackages(String servicePackage) {
        return noClasses().should().resideInAnyPackage(servicePackage + ".controllers..",
                servicePackage + ".services..", servicePackage + ".repositories..");
    }

    /** Services talk only through Kafka events: no service's classes appear in another's code. */
    public static ArchRule noOtherServiceInternals(String servicePackage) {
        return classes().that().resideInAPackage("io.sanjiaodi..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                        otherServices(servicePackage))
                .because("services share only the published language in io.sanjiaodi.contracts");
    }

    private static String[] otherServices(String servicePackage) {
        return java.util.stream.Stream.of("io.sanjiaodi.interview..", "io.sanjiaodi.rectification..",
                        "io.sanjiaodi.audit..")
                .filter(p -> !p.startsWith(servicePackage))
                .toArray(String[]::new);
    }
}
