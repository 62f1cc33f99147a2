package io.sanjiaodi.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

@AnalyzeClasses(packages = "io.sanjiaodi.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    /**
     * The published language stays plain Java: consumers must not inherit a framework from it.
     * From Axon only {@code @Revision} (package {@code org.axonframework.serialization}) is allowed.
     */
    @ArchTest
    static final ArchRule onlyJdkAndRoutingAnnotations = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "java..",
                    "io.sanjiaodi.contracts..",
                    "com.fasterxml.jackson.annotation..",
                    "org.axonframework.serialization",
                    "org.axonframework.modelling.command");

    @ArchTest
    static final ArchRule eventsAreRecordsWithARevision =
            classes().that().areAnnotatedWith(Revision.class).should().beRecords();
}
