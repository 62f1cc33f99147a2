package io.sanjiaodi.interview.web;

import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.interview.command.interview.InterviewCommands.AddListItems;
import io.sanjiaodi.interview.command.interview.InterviewId;
import io.sanjiaodi.interview.query.interviews.InterviewQueries;
import io.sanjiaodi.interview.query.interviews.InterviewView;
import io.sanjiaodi.interview.sources.SourceSealer;
import io.sanjiaodi.interview.workbook.ListImport;
import io.sanjiaodi.interview.workbook.ListWorkbookReader;
import io.sanjiaodi.interview.workbook.ListWorkbookWriter;
import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

/**
 * The three lists as a spreadsheet: the template to fill in, the lists as they stand, and the
 * import — an upload checked row by row that changes nothing (the preview, or every error by
 * sheet, row and column), then the same file confirmed, which adds every item through the
 * interview's commands. Item ids derive from the file's content, so a second confirmation of the
 * same lists adds nothing (this is the import's idempotency; uploads take no Idempotency-Key).
 */
@RestController
@RequestMapping("/api/interviews")
class ListImportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Larger than any filled-in template; POI's own zip-bomb checks guard what is inside. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final CommandGateway commands;
    private final InterviewQueries queries;
    private final SourceSealer sealer;

    ListImportController(CommandGateway commands, InterviewQueries queries, SourceSealer sealer) {
        this.commands = commands;
        this.queries = queries;
        this.sealer = sealer;
    }

    @GetMapping("/list-template")
    ResponseEntity<byte[]> template() {
        return xlsx("三张清单导入模板.xlsx", ListWorkbookWriter.template());
    }

    /** The lists as they stand (frozen once conducted), in the import's format; never with sources. */
    @GetMapping("/{interviewId}/lists/export")
    ResponseEntity<byte[]> export(@PathVariable InterviewId interviewId) {
        InterviewView view = queries.get(interviewId.value());
        String unit = view.interviewee == null ? "" : view.interviewee.unitName();
        return xlsx(
                unit + view.year + "年三张清单.xlsx",
                ListWorkbookWriter.write(view.responsibilities, view.problems, view.risks));
    }

    /** What the file would add, or 422 LIST_IMPORT_INVALID with every error; changes nothing. */
    @PostMapping(value = "/{interviewId}/lists/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> preview(@PathVariable InterviewId interviewId, @RequestParam("file") MultipartFile file) {
        queries.get(interviewId.value());
        ListImport lists = read(file);
        if (!lists.valid()) {
            return invalid(lists);
        }
        return ResponseEntity.ok(ImportPreview.of(lists));
    }

    /**
     * Adds what the file holds: checked again as in the preview; {@code importId}, when given, must
     * be the preview's (409 LIST_IMPORT_CHANGED otherwise: the file changed since).
     */
    @PostMapping(value = "/{interviewId}/lists/import/confirm", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> confirm(
            @PathVariable InterviewId interviewId,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String importId) {
        ListImport lists = read(file);
        if (!lists.valid()) {
            return invalid(lists);
        }
        if (importId != null && !importId.equals(lists.importId())) {
            throw Refusal.conflict("LIST_IMPORT_CHANGED", "the file is not the one previewed; preview it again");
        }
        String prefix = "imp-" + lists.importId().substring(0, 16) + "-";
        List<ResponsibilityItem> responsibilities = each(
                lists.responsibilities(),
                r -> new ResponsibilityItem(prefix + "d" + r.row(), r.kind(), r.text(), null));
        List<ProblemItem> problems = each(lists.problems(), p -> {
            String itemId = prefix + "p" + p.row();
            var source = p.hasSource() ? new ConfidentialSource(p.sourceDetails(), p.sourceReference()) : null;
            return new ProblemItem(
                    itemId,
                    p.aspect(),
                    p.description(),
                    p.sourceChannel(),
                    null,
                    sealer.seal(interviewId.value(), itemId, source));
        });
        List<RiskItem> risks = each(
                lists.risks(),
                k -> new RiskItem(
                        prefix + "r" + k.row(),
                        k.businessArea(),
                        k.description(),
                        k.typicalCases(),
                        k.preventionExpectations(),
                        k.level()));
        Integer added = commands.sendAndWait(new AddListItems(interviewId, responsibilities, problems, risks));
        List<String> itemIds = new java.util.ArrayList<>();
        responsibilities.forEach(i -> itemIds.add(i.itemId()));
        problems.forEach(i -> itemIds.add(i.itemId()));
        risks.forEach(i -> itemIds.add(i.itemId()));
        int count = added == null ? 0 : added;
        return ResponseEntity.ok(new ImportPreview.Confirmed(lists.importId(), count, itemIds.size() - count, itemIds));
    }

    private static ListImport read(MultipartFile file) {
        if (file.isEmpty()) {
            throw Refusal.unprocessable("NOT_A_WORKBOOK", "the upload is empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw Refusal.tooLarge(
                    "LIST_IMPORT_TOO_LARGE", "the file has " + file.getSize() + " bytes; at most " + MAX_BYTES);
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("list-import-", ".xlsx");
            file.transferTo(copy);
            return ListWorkbookReader.read(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    private static ResponseEntity<ProblemDetail> invalid(ListImport lists) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(Refusal.unprocessable(
                "LIST_IMPORT_INVALID",
                lists.errors().size() + " error(s) in the file; nothing was imported — fix them and upload it again"));
        problem.setProperty("errors", lists.errors());
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static <T, R> List<R> each(List<T> rows, Function<T, R> item) {
        return rows.stream().map(item).toList();
    }

    private static ResponseEntity<byte[]> xlsx(String fileName, byte[] body) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
