package io.sanjiaodi.contracts.interview;

/** The items of the three lists (docs/domain.md §1), as carried by the list events and the frozen lists. */
public final class ListItems {

    private ListItems() {}

    /** 规定动作 from the year's template, or 自选动作 chosen for this unit. */
    public enum ResponsibilityKind {
        REQUIRED,
        CUSTOM
    }

    /** Where a problem was found (问题来源). */
    public enum SourceChannel {
        /** 日常监督检查 */
        DAILY_SUPERVISION,
        /** 巡视巡察 */
        INSPECTION_TOUR,
        /** 信访举报 */
        PETITION_REPORT,
        /** 执纪审查 */
        DISCIPLINARY_REVIEW,
        /** 廉情信息系统 */
        INTEGRITY_INFORMATION_SYSTEM
    }

    public enum RiskLevel {
        HIGH,
        MEDIUM,
        LOW
    }

    /** 主体责任履责清单 item. {@code templateId} names the template a REQUIRED item was copied from. */
    public record ResponsibilityItem(String itemId, ResponsibilityKind kind, String text, String templateId) {}

    /**
     * 问题清单 item. The confidential source (who reported, case references) is kept apart from the
     * problem text: the unit must see the problem but never who reported it. A source is written
     * only sealed ({@code sealedSource}); {@code confidentialSource} is the plaintext form of events
     * stored before revision 2, read so that they still replay, and never written again.
     */
    public record ProblemItem(
            String itemId,
            String aspect,
            String description,
            SourceChannel sourceChannel,
            ConfidentialSource confidentialSource,
            SealedSource sealedSource) {

        /** An item without a sealed source: no source at all, or (old events, tests) a legacy plaintext one. */
        public ProblemItem(
                String itemId,
                String aspect,
                String description,
                SourceChannel sourceChannel,
                ConfidentialSource confidentialSource) {
            this(itemId, aspect, description, sourceChannel, confidentialSource, null);
        }
    }

    /** Details of a problem's source that only the commission may see. */
    public record ConfidentialSource(String details, String reference) {}

    /**
     * A confidential source as it travels: {@code commitment} is the hex SHA-256 over a random salt
     * and the source (it hides the source and binds the frozen lists to it), {@code ciphertext} the
     * salt and the source encrypted under the interview's data key. Only interview-service opens it,
     * and only for the roles entitled to sources; destroying the data key erases it everywhere.
     */
    public record SealedSource(String commitment, String ciphertext) {}

    /** 重要廉政风险清单 item. */
    public record RiskItem(
            String itemId,
            String businessArea,
            String description,
            String typicalCases,
            String preventionExpectations,
            RiskLevel level) {}
}
