package io.sanjiaodi.interview.web;

import io.sanjiaodi.documents.DocumentFormat;
import io.sanjiaodi.documents.Documents;
import io.sanjiaodi.documents.OfficialDocument;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.documents.InterviewDocuments;
import io.sanjiaodi.interview.documents.ListsDocument;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.platform.security.Actors;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The official documents of a conducted interview, as PDF ({@code format=pdf}, the default) or
 * Word ({@code format=docx}): the record, the commitment, and the three lists (with their sources
 * only for the readers entitled to them). 409 INTERVIEW_NOT_CONDUCTED before the talk.
 */
@RestController
@RequestMapping("/api/interviews/{interviewId}/documents")
class DocumentController {

    private final InterviewQueries queries;
    private final Documents documents;
    private final InterviewDocuments interviews;
    private final ListsDocument lists;

    DocumentController(
            InterviewQueries queries, Documents documents, InterviewDocuments interviews, ListsDocument lists) {
        this.queries = queries;
        this.documents = documents;
        this.interviews = interviews;
        this.lists = lists;
    }

    @GetMapping("/record")
    ResponseEntity<byte[]> record(
            @PathVariable InterviewId interviewId, @RequestParam(required = false) String format) {
        return download(interviewId, format, "廉政谈话记录表", interviews::record);
    }

    @GetMapping("/commitment")
    ResponseEntity<byte[]> commitment(
            @PathVariable InterviewId interviewId, @RequestParam(required = false) String format) {
        return download(interviewId, format, "廉洁从政承诺书", interviews::commitment);
    }

    @GetMapping("/lists")
    ResponseEntity<byte[]> lists(@PathVariable InterviewId interviewId, @RequestParam(required = false) String format) {
        var reader = Actors.require();
        return download(interviewId, format, "三张清单交底书", v -> lists.lists(v, reader));
    }

    private ResponseEntity<byte[]> download(
            InterviewId interviewId, String format, String title, Function<InterviewView, OfficialDocument> document) {
        DocumentFormat asked = DocumentFormat.of(format);
        InterviewView view = queries.get(interviewId.value());
        String unit = view.interviewee == null ? "" : view.interviewee.unitName();
        return documents.download(document.apply(view), asked, unit + title);
    }
}
