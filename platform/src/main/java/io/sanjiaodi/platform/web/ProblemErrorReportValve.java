package io.sanjiaodi.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Requests Tomcat refuses before Spring sees them (an encoded slash in the path, an illegal
 * character) still get an RFC 7807 problem with a stable code instead of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String code = status == 400 ? "MALFORMED_REQUEST" : status == 404 ? "NOT_FOUND" : "HTTP_" + status;
                writer.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"code\":\"" + code
                        + "\",\"detail\":\"the request was refused by the web server\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing more to say
        }
    }
}
