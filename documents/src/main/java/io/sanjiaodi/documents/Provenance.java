package io.sanjiaodi.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a document came from, printed on it: when it was produced, the state it was produced from
 * (a record and the last event of it that the state includes), and a verification reference that
 * the audit page resolves — {@code verificationCode} typed in, or {@code verificationUrl} as a QR
 * code. A document printed twice from the same state differs only in {@code producedAt}.
 */
public record Provenance(
        Instant producedAt, String producedFrom, String hash, String verificationCode, String verificationUrl) {

    /** Documents are read in China: times in Beijing time, as the office writes them. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    /** A date as documents write it: 2018年11月15日 (— when there is none). */
    public static String date(java.time.LocalDate d) {
        return d == null ? "—" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The lines a reader sees under "核验信息". */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("生成时间：" + time(producedAt) + "（北京时间）");
        lines.add("生成依据：" + producedFrom);
        if (hash != null) {
            lines.add("清单哈希（SHA-256）：" + hash);
        }
        if (verificationCode != null) {
            lines.add("核验码：" + verificationCode);
        }
        if (verificationUrl != null) {
            lines.add("核验地址：" + verificationUrl);
        }
        return lines;
    }

    /** The short line at the foot of every page. */
    public String footer() {
        return "生成于 " + time(producedAt) + " · " + producedFrom
                + (verificationCode == null ? "" : " · 核验码 " + verificationCode);
    }
}
