package io.sanjiaodi.documents;

import io.sanjiaodi.documents.OfficialDocument.Field;
import io.sanjiaodi.documents.OfficialDocument.Fields;
import io.sanjiaodi.documents.OfficialDocument.Heading;
import io.sanjiaodi.documents.OfficialDocument.Paragraph;
import io.sanjiaodi.documents.OfficialDocument.SignatureLine;
import io.sanjiaodi.documents.OfficialDocument.Signatures;
import io.sanjiaodi.documents.OfficialDocument.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A document with every kind of block, its problem table {@code rows} long. */
public final class SampleDocuments {

    private SampleDocuments() {}

    public static OfficialDocument sample(int rows) {
        List<List<String>> problems = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            problems.add(List.of(
                    String.valueOf(i),
                    "选人用人",
                    "第" + i + "个问题：干部选拔任用程序不规范，个别岗位长期未轮岗交流，"
                            + "存在廉政风险（Procurement of medical consumables without public tendering）。"));
        }
        return new OfficialDocument(
                "廉政谈话记录表",
                "市支援合作局 · 2026年度",
                List.of(
                        new Fields(List.of(new Field("谈话对象", "张三（党组书记）"), new Field("谈话地点", null))),
                        new Heading("一、问题清单"),
                        new Table(List.of("序号", "方面", "问题"), List.of(1, 2, 7), problems),
                        new Paragraph("　　本人郑重承诺：严格落实全面从严治党主体责任。\n第二行，含标点：“引号”、顿号。"),
                        new Signatures(List.of(
                                new SignatureLine("谈话记录", "张三", "2026-12-01 10:00:00"),
                                new SignatureLine("廉洁从政承诺书", null, null)))),
                new Provenance(
                        Instant.parse("2026-12-04T06:30:00Z"),
                        "谈话 int-1 第 12 个事件",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                        "http://localhost:8083/dashboard/#/verify/3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    }
}
