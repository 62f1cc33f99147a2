package io.sanjiaodi.interview;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sanjiaodi.platform.ServiceArchitectureRules;

@AnalyzeClasses(packages = "io.sanjiaodi.interview", importOptions = ImportOption.DoNotIncludeTests.class)
class InterviewArchitectureTest {

    private static final String SERVICE = "io.sanjiaodi.interview";

    @ArchTest
    static final ArchRule commandSide = ServiceArchitectureRules.commandSideIsFreeOfInfrastructure(SERVICE)
            .allowEmptyShould(true);
    @ArchTest
    static final ArchRule queries = ServiceArchitectureRules.queriesDoNotReachIntoTheCommandSide(SERVICE)
            .allowEmptyShould(true);
    @ArchTest
    static final ArchRule featureFirst = ServiceArchitectureRules.noTechnicalTopLevelPackages(SERVICE);
    @ArchTest
    static final ArchRule isolation = ServiceArchitectureRules.noOtherServiceInternals(SERVICE);
}
