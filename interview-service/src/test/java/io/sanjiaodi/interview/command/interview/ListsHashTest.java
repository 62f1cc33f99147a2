package io.sanjiaodi.interview.command.interview;

import static io.sanjiaodi.interview.command.interview.Given.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanjiaodi.contracts.interview.InterviewConducted.FrozenLists;
import io.sanjiaodi.contracts.interview.ListItems.ConfidentialSource;
import io.sanjiaodi.contracts.interview.ListItems.ProblemItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityItem;
import io.sanjiaodi.contracts.interview.ListItems.ResponsibilityKind;
import io.sanjiaodi.contracts.interview.ListItems.RiskItem;
import io.sanjiaodi.contracts.interview.ListItems.RiskLevel;
import io.sanjiaodi.contracts.interview.ListItems.SourceChannel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hash that proves which lists a talk used. Its known answers are computed apart from the Java
 * code: {@code lists-hash-vectors.py} (beside the JSON, python3's hashlib over the canonical form
 * written out by hand) produced {@code lists-hash-vectors.json}.
 */
class ListsHashTest {

    record Vector(String name, FrozenLists lists, String canonical, String sha256) {}

    record Vectors(String generatedBy, List<Vector> vectors) {}

    static Stream<Named<Vector>> knownAnswers() throws IOException {
        try (InputStream in = ListsHashTest.class.getResourceAsStream("lists-hash-vectors.json")) {
            return new ObjectMapper()
                    .readValue(in, Vectors.class).vectors().stream().map(v -> named(v.name(), v));
        }
    }

    @ParameterizedTest
    @MethodSource("knownAnswers")
    void theHashOfTheListsIsTheIndependentlyComputedSha256OfTheirCanonicalForm(Vector vector) {
        assertThat(ListsHash.v1(vector.lists())).isEqualTo(vector.sha256());
    }

    @Test
    void theKnownAnswersCoverEveryListTheConfidentialSourceAndAbsentFields() throws IOException {
        List<FrozenLists> lists =
                knownAnswers().map(n -> n.getPayload().lists()).toList();
        assertThat(lists).anyMatch(l -> !l.responsibilities().isEmpty());
        assertThat(lists).anyMatch(l -> !l.risks().isEmpty());
        assertThat(lists)
                .flatMap(FrozenLists::problems)
                .anyMatch(p -> p.confidentialSource() != null)
                .anyMatch(p -> p.confidentialSource() == null);
        assertThat(lists).extracting(FrozenLists::version).doesNotHaveDuplicates();
    }

    static final FrozenLists BASE = new FrozenLists(3, List.of(DUTY), List.of(LEGACY_PROBLEM), List.of(RISK));

    static FrozenLists withDuty(ResponsibilityItem duty) {
        return new FrozenLists(3, List.of(duty), List.of(LEGACY_PROBLEM), List.of(RISK));
    }

    static FrozenLists withProblem(ProblemItem problem) {
        return new FrozenLists(3, List.of(DUTY), List.of(problem), List.of(RISK));
    }

    static FrozenLists withRisk(RiskItem risk) {
        return new FrozenLists(3, List.of(DUTY), List.of(LEGACY_PROBLEM), List.of(risk));
    }

    static Stream<Named<FrozenLists>> oneFieldChanged() {
        var d = DUTY;
        var p = LEGACY_PROBLEM;
        var s = LEGACY_PROBLEM.confidentialSource();
        var k = RISK;
        return Stream.of(
                named("the list version", new FrozenLists(4, List.of(DUTY), List.of(LEGACY_PROBLEM), List.of(RISK))),
                named(
                        "a responsibility's id",
                        withDuty(new ResponsibilityItem("d2", d.kind(), d.text(), d.templateId()))),
                named(
                        "a responsibility's kind",
                        withDuty(new ResponsibilityItem(
                                d.itemId(), ResponsibilityKind.CUSTOM, d.text(), d.templateId()))),
                named(
                        "a responsibility's text",
                        withDuty(new ResponsibilityItem(d.itemId(), d.kind(), d.text() + "。", d.templateId()))),
                named(
                        "a responsibility's template",
                        withDuty(new ResponsibilityItem(d.itemId(), d.kind(), d.text(), "tpl-2019"))),
                named(
                        "a responsibility's template, empty rather than absent",
                        withDuty(new ResponsibilityItem(d.itemId(), d.kind(), d.text(), ""))),
                named(
                        "a problem's id",
                        withProblem(new ProblemItem("p2", p.aspect(), p.description(), p.sourceChannel(), s))),
                named(
                        "a problem's aspect",
                        withProblem(new ProblemItem(p.itemId(), "财务管理", p.description(), p.sourceChannel(), s))),
                named(
                        "a problem's description",
                        withProblem(new ProblemItem(p.itemId(), p.aspect(), "招投标监管缺位", p.sourceChannel(), s))),
                named(
                        "a problem's source channel",
                        withProblem(new ProblemItem(
                                p.itemId(), p.aspect(), p.description(), SourceChannel.INSPECTION_TOUR, s))),
                named(
                        "who reported the problem (confidential source details)",
                        withProblem(new ProblemItem(
                                p.itemId(),
                                p.aspect(),
                                p.description(),
                                p.sourceChannel(),
                                new ConfidentialSource("实名举报人：另一人", s.reference())))),
                named(
                        "the case reference of the confidential source",
                        withProblem(new ProblemItem(
                                p.itemId(),
                                p.aspect(),
                                p.description(),
                                p.sourceChannel(),
                                new ConfidentialSource(s.details(), "信访件 2018-118")))),
                named(
                        "the confidential source left out",
                        withProblem(new ProblemItem(p.itemId(), p.aspect(), p.description(), p.sourceChannel(), null))),
                named(
                        "a risk's id",
                        withRisk(new RiskItem(
                                "k2",
                                k.businessArea(),
                                k.description(),
                                k.typicalCases(),
                                k.preventionExpectations(),
                                k.level()))),
                named(
                        "a risk's business area",
                        withRisk(new RiskItem(
                                k.itemId(),
                                "行政审批",
                                k.description(),
                                k.typicalCases(),
                                k.preventionExpectations(),
                                k.level()))),
                named(
                        "a risk's description",
                        withRisk(new RiskItem(
                                k.itemId(),
                                k.businessArea(),
                                "运输许可",
                                k.typicalCases(),
                                k.preventionExpectations(),
                                k.level()))),
                named(
                        "a risk's typical cases",
                        withRisk(new RiskItem(
                                k.itemId(),
                                k.businessArea(),
                                k.description(),
                                null,
                                k.preventionExpectations(),
                                k.level()))),
                named(
                        "a risk's prevention expectations",
                        withRisk(new RiskItem(
                                k.itemId(), k.businessArea(), k.description(), k.typicalCases(), "", k.level()))),
                named(
                        "a risk's level",
                        withRisk(new RiskItem(
                                k.itemId(),
                                k.businessArea(),
                                k.description(),
                                k.typicalCases(),
                                k.preventionExpectations(),
                                RiskLevel.MEDIUM))),
                named("the problem list emptied", new FrozenLists(3, List.of(DUTY), List.of(), List.of(RISK))),
                named(
                        "the responsibility list emptied",
                        new FrozenLists(3, List.of(), List.of(LEGACY_PROBLEM), List.of(RISK))),
                named("the risk list emptied", new FrozenLists(3, List.of(DUTY), List.of(LEGACY_PROBLEM), List.of())));
    }

    @ParameterizedTest
    @MethodSource("oneFieldChanged")
    void changingAnySingleFieldOfAnyListChangesTheHash(FrozenLists changed) {
        assertThat(changed).isNotEqualTo(BASE);
        assertThat(ListsHash.v1(changed)).isNotEqualTo(ListsHash.v1(BASE));
    }

    /** Fields are length-prefixed: text cannot slide from one field into the next. */
    @Test
    void textMovedAcrossAFieldBoundaryChangesTheHash() {
        var a = new ProblemItem("p1", "工程", "建设招投标", SourceChannel.DAILY_SUPERVISION, null);
        var b = new ProblemItem("p1", "工程建设", "招投标", SourceChannel.DAILY_SUPERVISION, null);
        assertThat(ListsHash.v1(withProblem(a))).isNotEqualTo(ListsHash.v1(withProblem(b)));
    }

    @Test
    void theOrderOfTheItemsIsPartOfTheLists() {
        var second = new ResponsibilityItem("d2", ResponsibilityKind.CUSTOM, "廉政家访", null);
        var inOrder = new FrozenLists(3, List.of(DUTY, second), List.of(LEGACY_PROBLEM), List.of(RISK));
        var swapped = new FrozenLists(3, List.of(second, DUTY), List.of(LEGACY_PROBLEM), List.of(RISK));
        assertThat(ListsHash.v1(inOrder)).isNotEqualTo(ListsHash.v1(swapped));
    }
}
