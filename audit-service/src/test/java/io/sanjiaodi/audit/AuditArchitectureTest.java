package io.sanjiaodi.audit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sanjiaodi.platform.ServiceArchitectureRules;

@AnalyzeClasses(packages = "io.sanjiaodi.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditArchitectureTest {

    private static final String SERVICE = "io.sanjiaodi.audit";

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
