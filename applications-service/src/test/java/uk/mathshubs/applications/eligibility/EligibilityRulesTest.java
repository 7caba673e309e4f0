package uk.mathshubs.applications.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.mathshubs.applications.domain.eligibility.Outcome.ELIGIBLE;
import static uk.mathshubs.applications.domain.eligibility.Outcome.INELIGIBLE;
import static uk.mathshubs.applications.domain.eligibility.Outcome.NEEDS_REVIEW;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.mathshubs.applications.domain.eligibility.Answer;
import uk.mathshubs.applications.domain.eligibility.Eligibility;
import uk.mathshubs.applications.domain.eligibility.Facts;
import uk.mathshubs.applications.domain.eligibility.Outcome;
import uk.mathshubs.applications.domain.eligibility.Participation;
import uk.mathshubs.applications.domain.eligibility.RuleSet;
import uk.mathshubs.applications.domain.eligibility.RuleSetReader;
import uk.mathshubs.applications.domain.eligibility.SchoolFacts;
import uk.mathshubs.contracts.AcademicYear;

/**
 * The four programmes' reference rule sets (the JSON the service ships), against the cases their programme pages
 * describe. Each case names the rule that must decide and words its reason must contain.
 */
class EligibilityRulesTest {

    private static final AcademicYear YEAR = AcademicYear.parse("2024/25");
    private static final AcademicYear LAST_YEAR = AcademicYear.parse("2023/24");

    private static final SchoolFacts PRIMARY = school("Elston Hall Primary School", "Academy converter", "PRIMARY", false);
    private static final SchoolFacts JUNIOR = school("Colebrook Junior School", "Community school", "PRIMARY", true);
    private static final SchoolFacts INFANT = school("Colebrook Infant Academy", "Academy converter", "PRIMARY", false);
    private static final SchoolFacts SECONDARY = school("Bishop Challoner Catholic College", "Voluntary aided school", "SECONDARY", false);
    private static final SchoolFacts INDEPENDENT = new SchoolFacts("100001", "Hallfield Preparatory School",
            "Other independent school", true, true, false, "PRIMARY", false);
    private static final SchoolFacts WELSH = new SchoolFacts("100002", "Ysgol Gynradd Gymraeg", "Community school", true, false,
            true, "PRIMARY", false);
    private static final SchoolFacts CLOSED = new SchoolFacts("100003", "Old Park Primary School", "Community school", false, true,
            true, "PRIMARY", false);

    private static final Participation SUSTAINING_LAST_YEAR = new Participation("TFM_SUSTAINING", LAST_YEAR, false);
    private static final Participation COMPLETED_RKS1 = new Participation("MN_RKS1", AcademicYear.parse("2022/23"), true);
    private static final Participation RKS1_LAST_YEAR = new Participation("MN_RKS1", LAST_YEAR, true);
    private static final Participation RKS1_NOT_COMPLETED = new Participation("MN_RKS1", AcademicYear.parse("2022/23"), false);
    private static final Participation TRG_TWO_YEARS_AGO = new Participation("TFM_DEV", AcademicYear.parse("2022/23"), true);
    private static final Participation DEVELOPMENT_THIS_YEAR = new Participation("TFM_DEV", YEAR, false);

    private static final Map<String, Answer> KS2_YES = Map.of("continuesToUseMasteringNumberMaterials", Answer.YES,
            "year4And5TeachersCanCommitFully", Answer.YES);

    record Case(String name, String ruleSet, SchoolFacts school, List<Participation> history, Map<String, Answer> answers,
            Outcome outcome, String rule, String reason) {
    }

    static List<Case> cases() {
        return List.of(
                // Mastering Number at Reception and KS1: any state funded primary school not yet engaged with Mastering Number.
                new Case("a state-funded primary new to Mastering Number may apply", "MN_RKS1", PRIMARY, List.of(), Map.of(),
                        ELIGIBLE, "mn-rks1", "Elston Hall Primary School has not taken part in the Mastering Number programme before"),
                new Case("an infant school is a primary school", "MN_RKS1", INFANT, List.of(), Map.of(),
                        ELIGIBLE, "mn-rks1", "Colebrook Infant Academy is a primary school"),
                new Case("a school that already did Mastering Number R/KS1 is not eligible for it again", "MN_RKS1", PRIMARY,
                        List.of(RKS1_LAST_YEAR), Map.of(), INELIGIBLE, "mn-rks1.not-yet-engaged",
                        "Elston Hall Primary School has already taken part in the Mastering Number programme (MN_RKS1 in 2023/24, completed)"),
                new Case("a school already in Mastering Number at KS2 has engaged with the programme", "MN_RKS1", PRIMARY,
                        List.of(new Participation("MN_KS2", LAST_YEAR, false)), Map.of(), INELIGIBLE, "mn-rks1.not-yet-engaged",
                        "already taken part in the Mastering Number programme (MN_KS2 in 2023/24)"),
                new Case("an independent school is not state funded", "MN_RKS1", INDEPENDENT, List.of(), Map.of(),
                        INELIGIBLE, "mn-rks1.state-funded",
                        "Hallfield Preparatory School is not state-funded: the schools register lists it as \"Other independent school\""),
                new Case("a secondary school is not a primary school", "MN_RKS1", SECONDARY, List.of(), Map.of(),
                        INELIGIBLE, "mn-rks1.primary", "Bishop Challoner Catholic College is a secondary school, not a primary school"),
                new Case("a school in Wales is not served by England's Maths Hubs", "MN_RKS1", WELSH, List.of(), Map.of(),
                        INELIGIBLE, "mn-rks1.in-england", "Ysgol Gynradd Gymraeg is not in England"),
                new Case("a closed school cannot apply", "MN_RKS1", CLOSED, List.of(), Map.of(),
                        INELIGIBLE, "mn-rks1.open", "Old Park Primary School is closed in the schools register"),

                // Mastering Number at KS2: the three questions, or the junior-school alternative; "unsure" goes to the hub.
                new Case("a Sustaining school that completed R/KS1, still uses it and whose teachers commit may apply", "MN_KS2",
                        PRIMARY, List.of(SUSTAINING_LAST_YEAR, COMPLETED_RKS1), KS2_YES, ELIGIBLE, "mn-ks2",
                        "Elston Hall Primary School took part in a Sustaining Work Group (TFM_SUSTAINING in 2023/24)"),
                new Case("a junior school in a Sustaining Work Group is eligible for KS2", "MN_KS2", JUNIOR,
                        List.of(SUSTAINING_LAST_YEAR), Map.of("year4And5TeachersCanCommitFully", Answer.YES), ELIGIBLE, "mn-ks2",
                        "Colebrook Junior School is a junior school"),
                new Case("a junior school not in a Sustaining Work Group is not", "MN_KS2", JUNIOR, List.of(),
                        Map.of("year4And5TeachersCanCommitFully", Answer.YES), INELIGIBLE, "mn-ks2.ways-in",
                        "the platform holds no record that Colebrook Junior School took part in a Sustaining Work Group in 2023/24"),
                new Case("a Sustaining school that never completed R/KS1 is not eligible", "MN_KS2", PRIMARY,
                        List.of(SUSTAINING_LAST_YEAR, RKS1_NOT_COMPLETED), KS2_YES, INELIGIBLE, "mn-ks2.ways-in",
                        "no record that Elston Hall Primary School completed Mastering Number at Reception and KS1 before 2024/25"),
                new Case("a school whose Sustaining year was earlier than last year is not eligible", "MN_KS2", PRIMARY,
                        List.of(new Participation("TFM_SUSTAINING", AcademicYear.parse("2021/22"), false), COMPLETED_RKS1), KS2_YES,
                        INELIGIBLE, "mn-ks2.ways-in", "took part in a Sustaining Work Group in 2023/24"),
                new Case("teachers who cannot commit fully make the school ineligible", "MN_KS2", PRIMARY,
                        List.of(SUSTAINING_LAST_YEAR, COMPLETED_RKS1),
                        Map.of("continuesToUseMasteringNumberMaterials", Answer.YES, "year4And5TeachersCanCommitFully", Answer.NO),
                        INELIGIBLE, "mn-ks2.teachers-commit",
                        "the school answered no to \"Are your teachers in Year 4 and 5 able to commit fully to this project?\""),
                new Case("a school unsure whether it still uses the materials is reviewed by its hub", "MN_KS2", PRIMARY,
                        List.of(SUSTAINING_LAST_YEAR, COMPLETED_RKS1),
                        Map.of("continuesToUseMasteringNumberMaterials", Answer.UNSURE, "year4And5TeachersCanCommitFully", Answer.YES),
                        NEEDS_REVIEW, "mn-ks2.still-uses-materials", "its Maths Hub will look at this with the school"),
                new Case("an unanswered question is for the hub to review, not a refusal", "MN_KS2", PRIMARY,
                        List.of(SUSTAINING_LAST_YEAR, COMPLETED_RKS1), Map.of("continuesToUseMasteringNumberMaterials", Answer.YES),
                        NEEDS_REVIEW, "mn-ks2.teachers-commit", "has not yet answered"),

                // Teaching for Mastery Development (TRG): state-funded primary schools in England, once only.
                new Case("a state-funded primary in England may join a TRG", "TFM_DEV", PRIMARY, List.of(), Map.of(),
                        ELIGIBLE, "tfm-dev", "Elston Hall Primary School is in England"),
                new Case("a school can take part in a TRG only once", "TFM_DEV", PRIMARY, List.of(TRG_TWO_YEARS_AGO), Map.of(),
                        INELIGIBLE, "tfm-dev.only-once",
                        "already taken part in a Teaching for Mastery Development Work Group (TFM_DEV in 2022/23, completed)"),
                new Case("a Welsh primary cannot join a TRG", "TFM_DEV", WELSH, List.of(), Map.of(), INELIGIBLE, "tfm-dev.in-england",
                        "not in England"),

                // Teaching for Mastery Sustaining: schools that have previously engaged with teaching for mastery.
                new Case("a school that did a TRG may join a Sustaining Work Group", "TFM_SUSTAINING", PRIMARY,
                        List.of(TRG_TWO_YEARS_AGO), Map.of(), ELIGIBLE, "tfm-sustaining",
                        "took part in the Teaching for Mastery programme (TFM_DEV in 2022/23, completed)"),
                new Case("a school new to teaching for mastery is not yet eligible for Sustaining", "TFM_SUSTAINING", PRIMARY,
                        List.of(), Map.of(), INELIGIBLE, "tfm-sustaining.previously-engaged",
                        "the platform holds no record that Elston Hall Primary School took part in the Teaching for Mastery programme before 2024/25"));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleWithTheSeedsOwnCases() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.ruleSet() + ": " + c.name(), () -> {
            Eligibility answer = ruleSet(c.ruleSet()).evaluate(new Facts(c.school(), c.history(), c.answers(), YEAR));

            assertThat(answer.outcome()).as("outcome").isEqualTo(c.outcome());
            assertThat(answer.decidedBy().rule()).as("deciding rule").isEqualTo(c.rule());
            assertThat(answer.decidedBy().reason()).as("reason").contains(c.reason());
            assertThat(answer.decidedBy().description()).as("the rule in the programme's words").isNotBlank();
        }));
    }

    @Test
    void oversubscribedMasteringNumberPutsSchoolsNewToTeachingForMasteryFirst() throws IOException {
        RuleSet rks1 = ruleSet("MN_RKS1");

        Eligibility newcomer = rks1.evaluate(new Facts(PRIMARY, List.of(), Map.of(), YEAR));
        Eligibility trgSchool = rks1.evaluate(new Facts(PRIMARY, List.of(TRG_TWO_YEARS_AGO), Map.of(), YEAR));

        assertThat(newcomer.outcome()).isEqualTo(ELIGIBLE);
        assertThat(trgSchool.outcome()).isEqualTo(ELIGIBLE);
        assertThat(newcomer.priority()).isLessThan(trgSchool.priority());
        assertThat(newcomer.priorityReason()).contains("not yet engaged in a Teaching for Mastery Work Group");
        assertThat(trgSchool.priorityReason()).isNull();
    }

    @Test
    void aSchoolJoiningADevelopmentWorkGroupThisYearIsWarnedNotRefused() throws IOException {
        Eligibility answer = ruleSet("MN_RKS1").evaluate(new Facts(PRIMARY, List.of(DEVELOPMENT_THIS_YEAR), Map.of(), YEAR));

        assertThat(answer.outcome()).isEqualTo(ELIGIBLE);
        assertThat(answer.warnings()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("mn-rks1.warning.capacity");
            assertThat(w.description()).contains("consider carefully its capacity");
            assertThat(w.reason()).contains("TFM_DEV in 2024/25");
        });
    }

    @Test
    void theKs2RuleSetAsksItsTwoQuestions() throws IOException {
        assertThat(ruleSet("MN_KS2").declarations()).extracting(d -> d.declaration())
                .containsExactly("continuesToUseMasteringNumberMaterials", "year4And5TeachersCanCommitFully");
        assertThat(ruleSet("MN_RKS1").declarations()).isEmpty();
    }

    @Test
    void everyCheckIsExplainedNotOnlyTheDecidingOne() throws IOException {
        Eligibility answer = ruleSet("TFM_DEV").evaluate(new Facts(INDEPENDENT, List.of(TRG_TWO_YEARS_AGO), Map.of(), YEAR));

        assertThat(answer.checks()).extracting(f -> f.rule() + "=" + f.outcome()).containsExactly(
                "tfm-dev.open=ELIGIBLE", "tfm-dev.in-england=ELIGIBLE", "tfm-dev.state-funded=INELIGIBLE",
                "tfm-dev.primary=ELIGIBLE", "tfm-dev.only-once=INELIGIBLE");
        assertThat(answer.decidedBy().rule()).as("the first failure decides").isEqualTo("tfm-dev.state-funded");
    }

    static RuleSet ruleSet(String code) throws IOException {
        try (InputStream json = EligibilityRulesTest.class.getResourceAsStream("/eligibility/" + code + ".json")) {
            return RuleSetReader.read(code, new ObjectMapper().readTree(json));
        }
    }

    private static SchoolFacts school(String name, String type, String phase, boolean junior) {
        return new SchoolFacts("1" + Math.abs(name.hashCode() % 100000), name, type, true, true, true, phase, junior);
    }

}
