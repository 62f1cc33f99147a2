package io.sanjiaodi.rectification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.sanjiaodi.platform.ServiceArchitecture;

@AnalyzeClasses(packages = "io.sanjiaodi.rectification", importOptions = ImportOption.DoNotIncludeTests.class)
class RectificationArchitectureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceArchitecture.class);
}
