package io.sanjiaodi.rectification.web;

import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.rectification.command.rectification.ActorRole;
import io.sanjiaodi.rectification.command.rectification.LedgerId;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every ledger endpoint would otherwise repeat: a {@code {ledgerId}} path variable becomes a
 * {@link LedgerId}, which checks its own format (a malformed one is a 400 VALIDATION_FAILED naming
 * the parameter); an {@link ActingRole} parameter gets the requesting user's ledger role; a
 * {@link Today} parameter gets today's date from the one injected {@link Clock}.
 */
@Configuration
class LedgerWebConfiguration implements WebMvcConfigurer {

    private final Clock clock;

    LedgerWebConfiguration(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, LedgerId.class, LedgerId::new);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver<>(ActingRole.class, ActorRole.class, () -> LedgerRoles.of(Actors.require())));
        resolvers.add(new Resolver<>(Today.class, LocalDate.class, () -> LocalDate.now(clock)));
    }

    /** Resolves a parameter of {@code type} marked with {@code marker} from the request's context. */
    private record Resolver<T>(Class<? extends Annotation> marker, Class<T> type, Supplier<T> value)
            implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.hasParameterAnnotation(marker)
                    && parameter.getParameterType().equals(type);
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            return value.get();
        }
    }
}
