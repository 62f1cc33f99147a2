package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.platform.Ids;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The ids a URL carries, as types. A path variable or query parameter declared as one of them is
 * converted here, and each checks its own format: an id that is not a plain token never reaches a
 * handler, it is a 400 VALIDATION_FAILED naming the parameter (platform's ProblemDetailsAdvice),
 * as the {@code @Pattern} on every parameter answered before. Ids in request bodies keep their
 * {@code @Pattern}: a body value that fails to convert would be a MALFORMED_REQUEST without its field.
 */
@Configuration(proxyBeanMethods = false)
class UrlIds implements WebMvcConfigurer {

    static final int MAX_LENGTH = 64;

    /** What the web layer's own typed ids have in common (InterviewId lives with its commands). */
    sealed interface UrlId permits ItemId, TemplateId, PersonId, JurisdictionId, UnitId {
        String value();
    }

    /** An item of an interview's list or of a template. */
    record ItemId(String value) implements UrlId {
        ItemId {
            Ids.requireWellFormed(value, "item id", MAX_LENGTH);
        }
    }

    record TemplateId(String value) implements UrlId {
        TemplateId {
            Ids.requireWellFormed(value, "template id", MAX_LENGTH);
        }
    }

    /** An official of the people registry. */
    record PersonId(String value) implements UrlId {
        PersonId {
            Ids.requireWellFormed(value, "person id", MAX_LENGTH);
        }
    }

    record JurisdictionId(String value) implements UrlId {
        JurisdictionId {
            Ids.requireWellFormed(value, "jurisdiction id", MAX_LENGTH);
        }
    }

    record UnitId(String value) implements UrlId {
        UnitId {
            Ids.requireWellFormed(value, "unit id", MAX_LENGTH);
        }
    }

    /** The value of an optional filter; a filter not given stays absent. */
    static String valueOf(UrlId id) {
        return id == null ? null : id.value();
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, InterviewId.class, InterviewId::new);
        registry.addConverter(String.class, ItemId.class, ItemId::new);
        registry.addConverter(String.class, TemplateId.class, TemplateId::new);
        registry.addConverter(String.class, PersonId.class, PersonId::new);
        registry.addConverter(String.class, JurisdictionId.class, JurisdictionId::new);
        registry.addConverter(String.class, UnitId.class, UnitId::new);
    }

    /**
     * The API document still gives clients the format of each id: springdoc sees a converted id as
     * the string it is in the URL, but knows its pattern only from an annotation, which these lack.
     */
    @Bean
    ParameterCustomizer urlIdsShowTheirFormat() {
        return (parameter, method) -> {
            Class<?> type = method.getParameterType();
            if (parameter != null
                    && parameter.getSchema() != null
                    && (type == InterviewId.class || UrlId.class.isAssignableFrom(type))) {
                parameter.getSchema().setPattern(InterviewRequests.ID);
            }
            return parameter;
        };
    }
}
