package io.sanjiaodi.interview.web;

import io.sanjiaodi.interview.workbook.ListImport;
import java.util.List;

/**
 * What an import would add, row by row as the clerk sees them in the file. A problem's confidential
 * source is not sent back, only that there is one: the answer may be shown on any screen.
 */
record ImportPreview(
        String importId,
        List<ListImport.Responsibility> responsibilities,
        List<Problem> problems,
        List<ListImport.Risk> risks,
        int items) {

    record Problem(int row, String aspect, String description, String sourceChannel, boolean hasConfidentialSource) {}

    /** What a confirmation added; {@code alreadyOnTheLists}: items of an earlier confirmation of the same lists. */
    record Confirmed(String importId, int added, int alreadyOnTheLists, List<String> itemIds) {}

    static ImportPreview of(ListImport lists) {
        return new ImportPreview(
                lists.importId(),
                lists.responsibilities(),
                lists.problems().stream()
                        .map(p -> new Problem(
                                p.row(),
                                p.aspect(),
                                p.description(),
                                p.sourceChannel().name(),
                                p.hasSource()))
                        .toList(),
                lists.risks(),
                lists.items());
    }
}
