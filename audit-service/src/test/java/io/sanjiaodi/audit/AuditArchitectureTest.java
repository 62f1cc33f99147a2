package io.sanjiaodi.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.sanjiaodi.platform.ServiceArchitecture;

@AnalyzeClasses(packages = "io.sanjiaodi.audit", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditArchitectureTest {

    @ArchTest
    static final ArchTests service = ArchTests.in(ServiceArchitecture.class);

    /**
     * The audit trail is insert-only: no code path may change or remove a stored document. The
     * one exception is the writer lease (package leader, collection audit_writer), which is
     * coordination between instances and not part of the trail.
     */
    @ArchTest
    static final ArchRule insertOnly = noClasses()
            .that()
            .resideOutsideOfPackage("io.sanjiaodi.audit.leader")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "a MongoDB update, replace, upsert, save or delete", (JavaCall<?> call) -> {
                        String owner = call.getTargetOwner().getPackageName();
                        String name = call.getName();
                        boolean mongo =
                                owner.startsWith("org.springframework.data.mongodb") || owner.startsWith("com.mongodb");
                        return mongo
                                && name.matches(
                                        "(update|upsert|replace|remove|delete|findAndModify|findAndRemove|findAllAndRemove"
                                                + "|findOneAnd|save|bulkWrite|bulkOps|drop).*");
                    }))
            .because("audit entries and checkpoints are written once and never changed");
}
