package io.sanjiaodi.supervision.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.sanjiaodi.contracts.rectification.TaskStatus;
import io.sanjiaodi.contracts.rectification.WarningLevel;
import io.sanjiaodi.platform.security.MockJwts;
import io.sanjiaodi.platform.security.Role;
import io.sanjiaodi.platform.security.TestTokens;
import io.sanjiaodi.platform.web.ProblemDetailsAdvice;
import io.sanjiaodi.supervision.intake.SupervisionIntake;
import io.sanjiaodi.supervision.projection.InterviewRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord;
import io.sanjiaodi.supervision.projection.LedgerRecord.TaskRecord;
import io.sanjiaodi.supervision.projection.ModelCollections;
import io.sanjiaodi.supervision.query.SupervisionQueries;
import io.sanjiaodi.supervision.testing.MongoWire;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The supervision endpoints behind the services' real security chain, over the real queries and
 * an in-memory MongoDB-wire store holding ledgers and interviews of the city (ningbo) and two
 * districts (yuyao, fenghua); "today" is 2019-03-25.
 */
@WebMvcTest(
        controllers = {
            SupervisionController.class,
            ExportController.class,
            LiveUpdates.class,
            StreamTicketController.class,
            DashboardConfig.class,
            DashboardPage.class
        },
        properties = {
            "supervision.dashboard.auth-server-url=http://localhost:9000//",
            // the slice does not import sanjiaodi-common.yml, where every service gets these
            "sanjiaodi.security.denial-window=1m",
            "sanjiaodi.security.denial-open-windows=10000",
            "sanjiaodi.security.audience=sanjiaodi-api",
            "sanjiaodi.security.stream-tickets.lifetime=30s",
            "sanjiaodi.security.stream-tickets.capacity=100"
        })
@Import({ProblemDetailsAdvice.class, SupervisionSecurity.class, WebLayerTest.Store.class})
abstract class WebLayerTest {

    static final LocalDate TODAY = LocalDate.of(2019, 3, 25);

    /** A district office: SUPERVISION_OFFICE of fenghua (a demo user). */
    static final JwtRequestPostProcessor FENGHUA_OFFICE = MockJwts.as("office-fenghua");
    /** A district office of yuyao (not a demo user). */
    static final JwtRequestPostProcessor YUYAO_OFFICE = MockJwts.as(
            new TestTokens.User("office-yuyao", "余姚市纪委监委干部", Role.SUPERVISION_OFFICE, "yuyao", null, List.of()));
    /** The city office, which sees every jurisdiction. */
    static final JwtRequestPostProcessor CITY_OFFICE = MockJwts.as("office");
    /** The leader of nb-transport. */
    static final JwtRequestPostProcessor UNIT_LEADER = MockJwts.as("unit-leader");
    /** The stationed group: supervises nb-transport, nb-road-transport, nb-passenger-transport, nb-port-shipping. */
    static final JwtRequestPostProcessor STATIONED = MockJwts.as("stationed");

    @TestConfiguration
    static class Store {
        @Bean(destroyMethod = "close")
        MongoWire mongoWire() {
            return new MongoWire();
        }

        @Bean
        MongoTemplate mongoTemplate(MongoWire wire) {
            return wire.template();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2019-03-25T10:00:00Z"), ZoneOffset.UTC);
        }

        @Bean
        ModelCollections modelCollections() {
            return ModelCollections.first();
        }

        @Bean
        SupervisionQueries supervisionQueries(MongoTemplate mongo, ModelCollections collections, Clock clock) {
            return new SupervisionQueries(mongo, collections, new WarningLevel.Thresholds(20, 10), clock);
        }
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @MockitoBean
    SupervisionIntake intake;

    MockMvc mvc;

    @BeforeEach
    void seed() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .defaultRequest(get("/"))
                .build();
        mongo.dropCollection(LedgerRecord.class);
        mongo.dropCollection(InterviewRecord.class);

        LedgerRecord transport = ledger("ledger-nb-transport", "nb-transport", "市交通局", "ningbo", 2019);
        task(transport, "task-t1", TaskStatus.PLANNED, TODAY.minusDays(3), true).text = "招投标不规范";
        task(transport, "task-t2", TaskStatus.VERIFIED, TODAY.minusDays(10), false).verifiedOn = TODAY.minusDays(12);
        transport.accountabilityCases.add(accountabilityCase("case-transport"));
        save(transport, "iv-nb-transport", LocalDate.of(2019, 3, 1));

        LedgerRecord health = ledger("ledger-nb-health", "nb-health", "市卫健委", "ningbo", 2019);
        task(health, "task-h1", TaskStatus.PLANNED, TODAY.plusDays(5), false);
        health.accountabilityCases.add(accountabilityCase("case-health"));
        save(health, "iv-nb-health", LocalDate.of(2019, 3, 2));

        LedgerRecord passenger = ledger("ledger-nb-passenger", "nb-passenger-transport", "市客运管理局", "ningbo", 2019);
        task(passenger, "task-p1", TaskStatus.PLANNED, TODAY.plusDays(15), false);
        save(passenger, "iv-nb-passenger", LocalDate.of(2019, 3, 3));

        LedgerRecord hospital = ledger("ledger-yy-hospital", "yy-hospital", "余姚市人民医院", "yuyao", 2019);
        task(hospital, "task-y1", TaskStatus.OPEN, TODAY.minusDays(1), true);
        hospital.accountabilityCases.add(accountabilityCase("case-hospital"));
        save(hospital, "iv-yy-hospital", LocalDate.of(2019, 3, 4));

        LedgerRecord school = ledger("ledger-fh-school", "fh-school", "奉化区实验学校", "fenghua", 2019);
        task(school, "task-f1", TaskStatus.PLANNED, TODAY.plusDays(8), false);
        task(school, "task-f2", TaskStatus.VERIFIED, TODAY.minusDays(2), false).verifiedOn = TODAY.minusDays(4);
        school.accountabilityCases.add(accountabilityCase("case-school"));
        save(school, "iv-fh-school", LocalDate.of(2019, 3, 5));

        LedgerRecord clinic = ledger("ledger-fh-clinic", "fh-clinic", "奉化区卫生院", "fenghua", 2018);
        task(clinic, "task-c1", TaskStatus.PLANNED, TODAY.minusDays(30), true);
        save(clinic, "iv-fh-clinic", LocalDate.of(2018, 6, 5));
    }

    static LedgerRecord ledger(String id, String unitId, String unitName, String jurisdictionId, int year) {
        LedgerRecord l = new LedgerRecord();
        l.ledgerId = id;
        l.unitId = unitId;
        l.unitName = unitName;
        l.jurisdictionId = jurisdictionId;
        l.year = year;
        l.openedOn = LocalDate.of(year, 3, 1);
        return l;
    }

    static TaskRecord task(LedgerRecord l, String id, TaskStatus status, LocalDate deadline, boolean overdue) {
        TaskRecord t = l.task(id);
        t.kind = "PROBLEM_RECTIFICATION";
        t.text = "整改 " + id;
        t.responsibleLeader = "负责人";
        t.responsibleDepartment = "办公室";
        t.status = status;
        t.deadline = deadline;
        t.overdue = overdue;
        return t;
    }

    private static LedgerRecord.Case accountabilityCase(String id) {
        LedgerRecord.Case c = new LedgerRecord.Case();
        c.caseId = id;
        c.taskIds.add("task-1");
        c.grounds = "逾期未整改";
        c.openedOn = TODAY.minusDays(1);
        return c;
    }

    void save(LedgerRecord ledger, String interviewId, LocalDate conductedOn) {
        InterviewRecord interview = new InterviewRecord();
        interview.interviewId = interviewId;
        interview.unitId = ledger.unitId;
        interview.unitName = ledger.unitName;
        interview.jurisdictionId = ledger.jurisdictionId;
        interview.status = "CONDUCTED";
        interview.conductedOn = conductedOn;
        interview.year = conductedOn.getYear();
        interview.leadInterviewer = "徐立";
        ledger.interviewId = interviewId;
        mongo.save(interview);
        mongo.save(ledger);
    }
}
