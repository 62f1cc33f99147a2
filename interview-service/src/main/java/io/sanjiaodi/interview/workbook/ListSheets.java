package io.sanjiaodi.interview.workbook;

import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spreadsheet of the three lists, one sheet per list: the sheets' names, their columns in
 * order, and what each cell may hold — the same limits as the list endpoints' request bodies
 * (InterviewRequests), and for the choices the Chinese labels of the enums. The template, the
 * export and the import all read this one description.
 */
public final class ListSheets {

    private ListSheets() {}

    /** A column: its header (row 1), whether a value is required, its longest value, its choices if any. */
    public record Column(String header, boolean required, int maxLength, List<String> choices) {
        static Column text(String header, boolean required, int maxLength) {
            return new Column(header, required, maxLength, List.of());
        }

        static Column choice(String header, Map<String, ?> labels) {
            return new Column(header, true, 20, List.copyOf(labels.keySet()));
        }
    }

    public static final Map<String, ResponsibilityKind> KINDS =
            ordered("规定动作", ResponsibilityKind.REQUIRED, "自选动作", ResponsibilityKind.CUSTOM);
    public static final Map<String, SourceChannel> CHANNELS = ordered(
            "日常监督检查", SourceChannel.DAILY_SUPERVISION,
            "巡视巡察", SourceChannel.INSPECTION_TOUR,
            "信访举报", SourceChannel.PETITION_REPORT,
            "执纪审查", SourceChannel.DISCIPLINARY_REVIEW,
            "廉情信息系统", SourceChannel.INTEGRITY_INFORMATION_SYSTEM);
    public static final Map<String, RiskLevel> LEVELS =
            ordered("高", RiskLevel.HIGH, "中", RiskLevel.MEDIUM, "低", RiskLevel.LOW);

    /** The three sheets, in the order of the lists (docs/domain.md §1). */
    public enum Sheet {
        RESPONSIBILITIES("主体责任清单", List.of(Column.choice("类型", KINDS), Column.text("职责内容", true, 2000))),
        PROBLEMS(
                "问题清单",
                List.of(
                        Column.text("问题方面", true, 200),
                        Column.text("问题描述", true, 4000),
                        Column.choice("问题来源", CHANNELS),
                        // only the commission's roles import; the source is sealed before it is stored
                        Column.text("保密来源（详情）", false, 2000),
                        Column.text("保密来源（编号）", false, 200))),
        RISKS(
                "廉政风险清单",
                List.of(
                        Column.text("业务领域", true, 200),
                        Column.text("风险描述", true, 4000),
                        Column.text("典型案例", false, 4000),
                        Column.text("防控要求", false, 4000),
                        Column.choice("风险等级", LEVELS)));

        private final String title;
        private final List<Column> columns;

        Sheet(String title, List<Column> columns) {
            this.title = title;
            this.columns = columns;
        }

        public String title() {
            return title;
        }

        public List<Column> columns() {
            return columns;
        }

        static Optional<Sheet> titled(String title) {
            return Arrays.stream(values()).filter(s -> s.title.equals(title)).findFirst();
        }
    }

    /** The label of an enum value, for the export. */
    public static <E> String label(Map<String, E> labels, E value) {
        return labels.entrySet().stream()
                .filter(e -> e.getValue() == value)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <E> Map<String, E> ordered(Object... labelsAndValues) {
        var map = new java.util.LinkedHashMap<String, E>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            map.put((String) labelsAndValues[i], (E) labelsAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
