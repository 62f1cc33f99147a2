package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.templates.TemplateQueries;
import io.sanjiaodi.interview.query.units.UnitRegistry;
import io.sanjiaodi.interview.registry.PeopleRegistry;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of interview-service that its controller tests share: the controllers, the
 * platform's problem details, and a mock of everything the controllers talk to.
 */
@WebMvcTest(
        controllers = {
            InterviewController.class,
            ListImportController.class,
            ListController.class,
            TemplateController.class,
            PeopleController.class,
            SourceErasureController.class,
            UnitController.class
        },
        properties = {"spring.config.name=interview-service", "axon.axonserver.enabled=false"})
@Import(ProblemDetailsAdvice.class)
abstract class InterviewWebSlice {

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    InterviewQueries queries;

    @MockitoBean
    PeopleRegistry registry;

    @MockitoBean
    TemplateQueries templates;

    /** The controller tests of sources use the real one ({@code UnitViewOfSourcesTest}). */
    @MockitoBean
    SourceSealer sealer;
    /** answers as the registry does for a registered unit claimed as registered (UnitRegistryTest has the refusals) */
    @MockitoBean
    UnitRegistry units;
}
