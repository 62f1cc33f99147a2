package io.sanjiaodi.interview;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.sanjiaodi.platform.ServiceArchitecture;

@AnalyzeClasses(packages = "io.sanjiaodi.interview", importOptions = ImportOption.DoNotIncludeTests.class)
class InterviewArchitectureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceArchitecture.class);
}
