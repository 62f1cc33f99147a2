package io.sanjiaodi.interview.workbook;

import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import java.util.List;

/**
 * What an uploaded spreadsheet of the three lists holds, row by row, or every reason it cannot be
 * imported. {@code importId} is a SHA-256 over the rows' values (not the file's bytes): the same
 * lists saved again by Excel are the same import, and item ids derived from it make a second
 * confirmation add nothing.
 */
public record ListImport(
        String importId,
        List<Responsibility> responsibilities,
        List<Problem> problems,
        List<Risk> risks,
        List<ImportError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }

    public int items() {
        return responsibilities.size() + problems.size() + risks.size();
    }

    /** @param row the row's number as Excel shows it (the header is row 1) */
    public record Responsibility(int row, ResponsibilityKind kind, String text) {}

    public record Problem(
            int row,
            String aspect,
            String description,
            SourceChannel sourceChannel,
            String sourceDetails,
            String sourceReference) {

        public boolean hasSource() {
            return sourceDetails != null || sourceReference != null;
        }
    }

    public record Risk(
            int row,
            String businessArea,
            String description,
            String typicalCases,
            String preventionExpectations,
            RiskLevel level) {}

    /**
     * Why a cell, a row, a sheet or the file cannot be imported.
     *
     * @param sheet  the sheet's name, null for the file
     * @param row    the row's number as Excel shows it, null for a whole sheet
     * @param column the column's letter (A, B, …), null for a whole row or sheet
     * @param header the column's header, as a person looking at the sheet reads it
     * @param code   stable: REQUIRED, NOT_A_CHOICE, TOO_LONG, DUPLICATE_ROW, HEADER_MISMATCH,
     *               SHEET_MISSING, TOO_MANY_ROWS, TOO_MANY_ERRORS, NO_ITEMS
     */
    public record ImportError(String sheet, Integer row, String column, String header, String code, String message) {}
}
