package io.sanjiaodi.platform.web;

import com.mongodb.MongoException;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actors;
import io.sanjiaodi.platform.security.DenialRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error leaves as an RFC 7807 problem with a stable {@code code}, so clients branch on the
 * code rather than on message text.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ObjectProvider<DenialRecorder> denials;

    public ProblemDetailsAdvice(ObjectProvider<DenialRecorder> denials) {
        this.denials = denials;
    }

    /** A forbidden refusal (role not allowed, out of scope) is a refused access: it is recorded too. */
    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal e, HttpServletRequest request) {
        HttpStatus status = statusOf(e.kind());
        if (e.kind() == Refusal.Kind.FORBIDDEN) {
            denials.ifAvailable(d ->
                    d.record(request, status.value(), e.code(), Actors.current().orElse(null)));
        }
        return problem(e);
    }

    /** The problem a refusal becomes, also for filters that answer before the MVC layer. */
    public static ProblemDetail problem(Refusal refusal) {
        return problem(statusOf(refusal.kind()), refusal.code(), refusal.getMessage());
    }

    /** The only place that knows which HTTP status each kind of refusal becomes. */
    public static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e, HttpServletRequest request) {
        if (e.getCause() instanceof Refusal refusal) {
            return refused(refusal, request);
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "COMMAND_FAILED", "the command could not be executed");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such " + "record: " + e.getAggregateIdentifier());
    }

    @ExceptionHandler({
        ConcurrencyException.class,
        ConflictingModificationException.class,
        AggregateStreamCreationException.class
    })
    ProblemDetail conflict(RuntimeException e) {
        return problem(
                HttpStatus.CONFLICT,
                "CONCURRENT_MODIFICATION",
                "the record was changed or created concurrently; reload and try again");
    }

    /**
     * The database is unreachable or timed out. A read changed nothing; a write may or may not have
     * been committed (the failure can come after the commit), so the answer says so: retry with the
     * same Idempotency-Key, which makes a second run safe.
     */
    @ExceptionHandler({
        EventStoreException.class,
        DataAccessResourceFailureException.class,
        MongoException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class,
        JdbcException.class
    })
    ProblemDetail storeUnavailable(RuntimeException e) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "STORE_UNAVAILABLE",
                "the event store is not reachable; a change may or may not have been saved: retry it with the same"
                        + " Idempotency-Key");
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ProblemDetail invalidCommand(JSR303ViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidParameters(ConstraintViolationException e) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid parameters");
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = violation.getPropertyPath().toString();
            fields.putIfAbsent(path.substring(path.lastIndexOf('.') + 1), violation.getMessage());
        }
        body.setProperty("fields", fields);
        return body;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid fields");
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        body.setProperty("fields", fields);
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid parameters");
        Map<String, String> fields = new LinkedHashMap<>();
        ex.getParameterValidationResults()
                .forEach(result -> fields.putIfAbsent(
                        result.getMethodParameter().getParameterName(),
                        result.getResolvableErrors().isEmpty()
                                ? "invalid"
                                : result.getResolvableErrors().get(0).getDefaultMessage()));
        body.setProperty("fields", fields);
        return ResponseEntity.badRequest().body(body);
    }

    /**
     * A path variable or parameter that does not convert to its type (a typed id whose format is
     * wrong, a date that is not ISO-8601) is a field error like any other, not a malformed request.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "the request has invalid parameters");
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Throwable cause = ex.getMostSpecificCause();
        body.setProperty(
                "fields",
                Map.of(
                        name == null ? "value" : name,
                        cause instanceof IllegalArgumentException && cause.getMessage() != null
                                ? cause.getMessage()
                                : "invalid"));
        return ResponseEntity.badRequest().body(body);
    }

    /** Gives Spring's own problems (malformed JSON, wrong method, ...) a stable code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "MALFORMED_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status.value();
        };
    }

    /** A problem answered by a servlet filter, outside MVC (where this advice does not reach). */
    public static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
