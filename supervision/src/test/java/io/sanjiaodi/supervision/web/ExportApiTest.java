package io.sanjiaodi.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.sanjiaodi.supervision.testing.Csv;
import io.sanjiaodi.supervision.testing.Xlsx;
import io.sanjiaodi.supervision.testing.Xlsx.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** The exports are the lists as files: cut to the same scope, one row per task, a bilingual header. */
class ExportApiTest extends WebLayerTest {

    static final int LEDGER = 0, UNIT = 1, JURISDICTION = 2, YEAR = 3, TASK = 4, DEADLINE = 9, STATUS = 10;

    @Test
    void theLedgersCsvOfADistrictOfficeHasItsDistrictsLedgersAndNoOther() throws Exception {
        List<List<String>> rows = Csv.parse(export("ledgers.csv", FENGHUA_OFFICE));

        assertThat(rows.get(0)).hasSize(13).startsWith("台账 ledger", "单位 unit", "辖区 jurisdiction");
        List<List<String>> data = rows.subList(1, rows.size());
        assertThat(data).extracting(r -> r.get(TASK)).containsExactlyInAnyOrder("task-f1", "task-f2", "task-c1");
        assertThat(data).extracting(r -> r.get(JURISDICTION)).containsOnly("fenghua");
        assertThat(data).extracting(r -> r.get(LEDGER)).containsOnly("ledger-fh-school", "ledger-fh-clinic");
        assertThat(data)
                .filteredOn(r -> r.get(TASK).equals("task-f1"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.get(UNIT)).isEqualTo("奉化区实验学校");
                    assertThat(r.get(YEAR)).isEqualTo("2019");
                    assertThat(r.get(DEADLINE)).isEqualTo("2019-04-02");
                    assertThat(r.get(STATUS)).isEqualTo("PLANNED");
                });
    }

    @Test
    void theLedgersWorkbookOfADistrictOfficeHasItsDistrictsLedgersAndNoOtherCellByCell() throws Exception {
        byte[] file = mvc.perform(get("/api/supervision/export/ledgers.xlsx").with(YUYAO_OFFICE))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ledgers.xlsx\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(Xlsx.sheetName(file)).isEqualTo("ledgers");
        List<List<Value>> rows = Xlsx.cells(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(LEDGER)).isEqualTo(Value.text("台账 ledger"));
        List<Value> task = rows.get(1);
        assertThat(task.get(LEDGER)).isEqualTo(Value.text("ledger-yy-hospital"));
        assertThat(task.get(UNIT)).isEqualTo(Value.text("余姚市人民医院"));
        assertThat(task.get(JURISDICTION)).isEqualTo(Value.text("yuyao"));
        assertThat(task.get(YEAR)).isEqualTo(Value.number(2019));
        assertThat(task.get(TASK)).isEqualTo(Value.text("task-y1"));
        assertThat(task.get(STATUS)).isEqualTo(Value.text("OPEN"));
        assertThat(task.get(11)).isEqualTo(Value.text("true"));
        assertThat(task.get(12)).isEqualTo(Value.text(""));
    }

    @Test
    void aUnitUsersAndASupervisingBodysLedgerExportsHaveTheirUnitsOnly() throws Exception {
        List<List<String>> unitLeader = Xlsx.texts(export("ledgers.xlsx", UNIT_LEADER));
        assertThat(unitLeader.subList(1, unitLeader.size()))
                .extracting(r -> r.get(TASK) + " " + r.get(LEDGER))
                .containsExactlyInAnyOrder("task-t1 ledger-nb-transport", "task-t2 ledger-nb-transport");
        assertThat(Csv.parse(export("ledgers.csv", UNIT_LEADER))).hasSize(3);
        List<List<String>> stationed = Csv.parse(export("ledgers.csv", STATIONED));
        assertThat(stationed.subList(1, stationed.size()))
                .extracting(r -> r.get(LEDGER))
                .containsExactlyInAnyOrder("ledger-nb-transport", "ledger-nb-transport", "ledger-nb-passenger");
        assertThat(Csv.parse(export("ledgers.csv", CITY_OFFICE))).hasSize(1 + 8);
    }

    @Test
    void theOverdueListHasTheReadersWarningsWithTheirDaysLeftAsNumbers() throws Exception {
        List<List<String>> csv = Csv.parse(export("overdue.csv?year=2019", CITY_OFFICE));
        assertThat(csv.get(0))
                .containsExactly(
                        "预警 level",
                        "单位 unit",
                        "辖区 jurisdiction",
                        "任务 task",
                        "内容 text",
                        "责任领导 leader",
                        "责任部门 department",
                        "整改时限 deadline",
                        "剩余天数 days left");
        assertThat(csv.subList(1, csv.size()))
                .extracting(r -> r.get(0) + " " + r.get(3) + " " + r.get(8))
                .containsExactly(
                        "RED task-t1 -3",
                        "RED task-y1 -1",
                        "ORANGE task-h1 5",
                        "ORANGE task-f1 8",
                        "YELLOW task-p1 15");

        List<List<Value>> xlsx = Xlsx.cells(export("overdue.xlsx", FENGHUA_OFFICE));
        assertThat(xlsx.subList(1, xlsx.size()))
                .extracting(r -> r.get(3).value() + " " + r.get(8))
                .containsExactly("task-c1 " + Value.number(-30), "task-f1 " + Value.number(8));
        assertThat(Csv.parse(export("overdue.csv", UNIT_LEADER)))
                .extracting(r -> r.get(3))
                .containsExactly("任务 task", "task-t1");
    }

    @Test
    void theEvaluationTableIsExportedPerYearForTheReadersUnits() throws Exception {
        List<List<String>> csv = Csv.parse(export("evaluation.csv?year=2019", FENGHUA_OFFICE));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(1))
                .containsExactly(
                        "奉化区实验学校", "fenghua", "2019", "2", "1", "0", "0", "0", "false", "1", "50.0%", "90", "");

        List<List<Value>> xlsx = Xlsx.cells(export("evaluation.xlsx?year=2019", UNIT_LEADER));
        assertThat(xlsx).hasSize(2);
        assertThat(xlsx.get(1).get(0)).isEqualTo(Value.text("市交通局"));
        assertThat(xlsx.get(1).get(11)).isEqualTo(Value.number(85));
        assertThat(xlsx.get(1).get(12)).isEqualTo(Value.text("task-t1"));

        mvc.perform(get("/api/supervision/export/evaluation.csv").with(CITY_OFFICE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("YEAR_REQUIRED"));
    }

    @Test
    void onlyTheThreeTablesInCsvOrExcelAreExported() throws Exception {
        mvc.perform(get("/api/supervision/export/interviews.csv").with(CITY_OFFICE))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/supervision/export/ledgers.pdf").with(CITY_OFFICE))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/supervision/export/ledgers.csv").with(CITY_OFFICE))
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"ledgers.csv\""));
    }

    private byte[] export(String file, JwtRequestPostProcessor reader) throws Exception {
        return mvc.perform(get("/api/supervision/export/" + file).with(reader))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }
}
