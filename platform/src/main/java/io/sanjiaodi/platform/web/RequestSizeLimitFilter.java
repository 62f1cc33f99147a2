package io.sanjiaodi.platform.web;

import io.sanjiaodi.platform.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an oversized body with 413 {@code PAYLOAD_TOO_LARGE} (JSON bodies have no limit of their
 * own). A declared {@code Content-Length} is refused before anything reads the body; a body without
 * one (chunked) is read through a counting stream ({@link SizeLimitedRequest}) that refuses as soon
 * as the limit is crossed, so no reader ever buffers more than the limit. Multipart uploads are
 * limited by {@code spring.servlet.multipart.*} instead.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    public RequestSizeLimitFilter(long maxBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        long declared = request.getContentLengthLong();
        if (multipart || declared >= 0) {
            // Tomcat never hands out more than the declared length, so checking it is enough
            if (!multipart && declared > maxBytes) {
                refuse(response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        SizeLimitedRequest limited = new SizeLimitedRequest(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!limited.exceeded() || response.isCommitted()) {
                throw e;
            }
        }
        // the MVC layer answers the stream's refusal itself; whoever swallowed it (a message
        // converter turning it into 400, a servlet outside MVC) must not have the last word
        if (limited.exceeded() && !response.isCommitted() && response.getStatus() != 413) {
            response.reset();
            refuse(response);
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ProblemDetailsAdvice.write(response, json, ProblemDetailsAdvice.problem(tooLarge(maxBytes)));
    }

    /** The one refusal for an oversized body, whether its size was declared or counted. */
    static Refusal tooLarge(long maxBytes) {
        return Refusal.tooLarge("PAYLOAD_TOO_LARGE", "the request body exceeds " + maxBytes + " bytes");
    }
}
