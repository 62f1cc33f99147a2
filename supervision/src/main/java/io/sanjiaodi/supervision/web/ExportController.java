package io.sanjiaodi.supervision.web;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.supervision.query.SupervisionQueries;
import io.sanjiaodi.supervision.query.SupervisionViews;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSV and Excel of the ledgers, the overdue list and the annual evaluation table. */
@RestController
@Validated
class ExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final SupervisionQueries queries;

    ExportController(SupervisionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/supervision/export/{table}.{format}")
    ResponseEntity<byte[]> export(
            @PathVariable @Pattern(regexp = "^(ledgers|overdue|evaluation)$") String table,
            @PathVariable @Pattern(regexp = "^(csv|xlsx)$") String format,
            @RequestParam(required = false) @Pattern(regexp = SupervisionController.ID) String jurisdictionId,
            @RequestParam(required = false) @Min(2000) @Max(2100) Integer year)
            throws IOException {
        // the same scope as the lists: rows outside the actor's units or jurisdiction are left out
        jurisdictionId = SupervisionSecurity.jurisdiction(jurisdictionId);
        List<List<Object>> rows = switch (table) {
            case "ledgers" ->
                Tables.ledgers(SupervisionSecurity.visible(
                        queries.ledgers(jurisdictionId, year), r -> r.unitId, r -> r.jurisdictionId));
            case "overdue" ->
                Tables.warnings(SupervisionSecurity.visible(
                        queries.warnings(jurisdictionId, year, null),
                        SupervisionViews.TaskWarning::unitId,
                        SupervisionViews.TaskWarning::jurisdictionId));
            default -> {
                if (year == null) {
                    throw Refusal.unprocessable("YEAR_REQUIRED", "the evaluation table is per year");
                }
                yield Tables.evaluation(SupervisionSecurity.visible(
                        queries.evaluation(jurisdictionId, year),
                        SupervisionViews.EvaluationRow::unitId,
                        SupervisionViews.EvaluationRow::jurisdictionId));
            }
        };
        byte[] body = format.equals("csv") ? Tables.csv(rows) : Tables.xlsx(table, rows);
        return ResponseEntity.ok()
                .contentType(
                        format.equals("csv")
                                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                                : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + table + "." + format + "\"")
                .body(body);
    }
}
