package io.sanjiaodi.supervision;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.sanjiaodi.platform.ServiceArchitecture;

/** The supervision module keeps the services' layout and, though audit-service hosts it, knows none of its classes. */
@AnalyzeClasses(packages = "io.sanjiaodi.supervision", importOptions = ImportOption.DoNotIncludeTests.class)
class SupervisionArchitectureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceArchitecture.class);
}
