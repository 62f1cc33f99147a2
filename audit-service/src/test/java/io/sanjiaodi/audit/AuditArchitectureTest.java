package io.sanjiaodi.audit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sanjiaodi.platform.ServiceArchitectureRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;

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

    /** The audit trail is insert-only: no code path may change or remove a stored document. */
    @ArchTest
    static final ArchRule insertOnly = noClasses().should().callMethodWhere(
            DescribedPredicate.describe("a MongoDB update, replace, upsert, save or delete", (JavaCall<?> call) -> {
                String owner = call.getTargetOwner().getPackageName();
                String name = call.getName();
                boolean mongo = owner.startsWith("org.springframework.data.mongodb") || owner.startsWith("com.mongodb");
                return mongo && name.matches("(update|upsert|replace|remove|delete|findAndModify|findAndRemove|findAllAndRemove"
                        + "|findOneAnd|save|bulkWrite|bulkOps|drop).*");
            }))
            .because("audit entries and checkpoints are written once and never changed (issue 5)");
}
