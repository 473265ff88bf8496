package org.segmentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.segmentlab.io.ReproduceCommand;
import org.segmentlab.metrics.SilhouetteMode;
import org.segmentlab.pipeline.AnalysisRequest;
import org.segmentlab.prep.DerivedColumn;
import org.segmentlab.prep.ImputeStrategy;
import org.segmentlab.prep.Imputation;
import org.segmentlab.prep.PrepOptions;
import org.segmentlab.prep.Scaling;
import picocli.CommandLine;

/** The report's command line, parsed by the real {@code analyze}, gives back the very same request. */
class ReproduceCommandTest {

    private static AnalysisRequest parse(List<String> args) {
        AnalyzeCommand cmd = new AnalyzeCommand();
        new CommandLine(cmd).parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        return cmd.buildRequest();
    }

    @Test
    void everySettingSurvivesTheRoundTrip() {
        PrepOptions prep = new PrepOptions(List.of(), List.of("CUST_ID", "TENURE"),
                List.of(new DerivedColumn("RATIO", "PURCHASES / (`CASH ADVANCE` + 1)"), new DerivedColumn("L", "log1p(RATIO)")),
                ImputeStrategy.MEDIAN, Map.of("MINIMUM_PAYMENTS", Imputation.constant(0.25), "CREDIT_LIMIT",
                Imputation.of(ImputeStrategy.DROP)), Set.of("BALANCE", "PURCHASES"), false, List.of("REGION"), Scaling.ROBUST);
        AnalysisRequest q = new AnalysisRequest(prep, 2, 7, null, 5, 120, 1e-3, -17L, AnalysisRequest.DEFAULT_THREADS,
                SilhouetteMode.sample(500), 3);
        List<String> args = ReproduceCommand.arguments(q, 5, "/data/my file.csv", false);
        assertEquals(q.withChosenK(5), parse(args));

        AnalysisRequest all = AnalysisRequest.defaults().withPrep(new PrepOptions(List.of("A", "B"), List.of(), List.of(),
                ImputeStrategy.DROP, Map.of(), Set.of(), true, List.of(), Scaling.NONE));
        assertEquals(all.withChosenK(3), parse(ReproduceCommand.arguments(all, 3, "x.csv", true)));
        assertEquals(true, ReproduceCommand.arguments(all, 3, "x.csv", true).contains("--skip-ragged"));
    }

    @Test
    void shellQuoting() {
        assertEquals("'it'\\''s here'", ReproduceCommand.quote("it's here"));
        assertEquals("--k-min", ReproduceCommand.quote("--k-min"));
        assertEquals("'RATIO=A / (B + 1)'", ReproduceCommand.quote("RATIO=A / (B + 1)"));
        assertEquals("segmentlab analyze --input '/data/my file.csv'",
                ReproduceCommand.shellLine("segmentlab", List.of("analyze", "--input", "/data/my file.csv")));
        assertEquals(List.of("a,b"), ReproduceCommand.unrepresentable(AnalysisRequest.defaults().withPrep(
                new PrepOptions(List.of("a,b", "c"), List.of(), List.of(), ImputeStrategy.MEAN, Map.of(), Set.of(), false,
                        List.of(), Scaling.ZSCORE))));
    }
}
