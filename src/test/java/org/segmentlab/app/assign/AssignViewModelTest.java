package org.segmentlab.app.assign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.app.task.BackgroundTask;
import org.segmentlab.app.task.DirectTaskRunner;
import org.segmentlab.app.task.TaskHandle;
import org.segmentlab.app.task.TaskListener;
import org.segmentlab.app.task.TaskRunner;
import org.segmentlab.io.ModelJson;
import org.segmentlab.progress.CancellationToken;
import org.segmentlab.segment.ClusterModel;
import org.segmentlab.segment.ModelFixtures;

/** "Assign customers", a file at a time, without a window: matching, the run, the preview, saving, bad files. */
class AssignViewModelTest {

    @TempDir
    Path dir;

    private static List<CSVRecord> read(Path f) throws Exception {
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT).get()) {
            return p.getRecords();
        }
    }

    @Test
    void columnsAreMatchedByNameWithMissingImputedAndExtrasIgnored() throws Exception {
        ModelFixtures.Fitted mixed = ModelFixtures.mixed(dir);
        ClusterModel m = mixed.model(List.of("North folk", "South folk", "East folk"));
        // REGION in lower case, INCOME absent, a NOTE column the model does not read
        Path csv = dir.resolve("new.csv");
        Files.writeString(csv, "ID,region,SPEND,VISITS,NOTE\nX1,North,900,3,hello\nX2,East,5200,12,=1+1\n");
        AssignViewModel vm = new AssignViewModel(new DirectTaskRunner());
        vm.setModel(m, "test");
        vm.chooseInput(csv);
        assertEquals("", vm.errorProperty().get());
        assertNotNull(vm.planProperty().get());

        List<AssignViewModel.ColumnMatch> ms = vm.matches();
        assertEquals(m.inputColumns().size() + 2, ms.size());
        AssignViewModel.ColumnMatch region = find(ms, "REGION");
        assertEquals(AssignViewModel.MatchStatus.MATCHED_IGNORING_CASE, region.status());
        assertEquals("region", region.fileColumn());
        assertEquals(AssignViewModel.MatchStatus.MATCHED, find(ms, "SPEND").status());
        AssignViewModel.ColumnMatch income = find(ms, "INCOME");
        assertEquals(AssignViewModel.MatchStatus.MISSING, income.status());
        assertNull(income.fileColumn());
        double fill = m.preparation().features().stream().filter(f -> f.source().equals("INCOME")).findFirst()
                .orElseThrow().fill();
        assertEquals("not in the file: imputed with the training value " + org.segmentlab.prep.Numbers.sig3(fill),
                income.note());
        List<String> extras = ms.stream().filter(x -> x.status() == AssignViewModel.MatchStatus.EXTRA)
                .map(AssignViewModel.ColumnMatch::fileColumn).toList();
        assertEquals(List.of("ID", "NOTE"), extras);
        assertEquals(AssignViewModel.MatchStatus.MISSING, ms.get(0).status(), "what needs attention comes first");
        assertEquals("3 of 4 model columns found · 1 imputed (INCOME) · 1 matched ignoring case · 2 ignored (ID, NOTE)",
                vm.matchSummaryProperty().get());

        vm.run();
        AssignViewModel.RunResult r = vm.resultProperty().get();
        assertNotNull(r, vm.errorProperty().get());
        assertEquals(2, r.preview().rows().size());
        assertEquals("'=1+1", r.preview().rows().get(1).get(4), "the planted formula is inert in the output");
        long total = vm.counts().stream().mapToLong(AssignViewModel.SegmentCount::count).sum();
        assertEquals(2, total);
        assertEquals(List.of("North folk", "South folk", "East folk"),
                vm.counts().stream().map(AssignViewModel.SegmentCount::segment).toList());
        vm.dispose();
        assertFalse(Files.exists(r.output()), "closing the window deletes the temporary output");
    }

    private static AssignViewModel.ColumnMatch find(List<AssignViewModel.ColumnMatch> ms, String column) {
        return ms.stream().filter(x -> column.equals(x.modelColumn())).findFirst().orElseThrow();
    }

    @Test
    void assigningTheTrainingFileGivesBackEveryRowsClusterAndSaves() throws Exception {
        ModelFixtures.Fitted cc = ModelFixtures.creditCard();
        ClusterModel m = cc.model(List.of("A", "B", "C", "D"));
        Path sample = Path.of("samples/cc_general.csv").toAbsolutePath();
        AssignViewModel vm = new AssignViewModel(new DirectTaskRunner());
        vm.setModel(m, "test");
        vm.chooseInput(sample);
        assertTrue(vm.matches().stream().noneMatch(x -> x.status() == AssignViewModel.MatchStatus.MISSING));
        vm.run();
        AssignViewModel.RunResult r = vm.resultProperty().get();
        assertNotNull(r, vm.errorProperty().get());
        int[] expected = cc.labelsByTableRow();
        List<CSVRecord> rows = read(r.output());
        assertEquals(expected.length + 1, rows.size());
        int cluster = rows.get(0).toList().indexOf("cluster");
        long[] perCluster = new long[4];
        for (int i = 0; i < expected.length; i++) {
            String cell = rows.get(i + 1).get(cluster);
            assertEquals(expected[i] < 0 ? "" : Integer.toString(expected[i]), cell, "row " + i);
            if (expected[i] >= 0) {
                perCluster[expected[i]]++;
            }
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(perCluster[c], vm.counts().get(c).count());
        }
        assertEquals(AssignViewModel.PREVIEW_ROWS, r.preview().rows().size());
        assertEquals(rows.get(1).toList(), r.preview().rows().get(0));

        // Save copies the run's file; saving over the customers' own file is refused.
        vm.save(sample);
        assertTrue(vm.errorProperty().get().contains("would replace the customers' file"), vm.errorProperty().get());
        Path saved = dir.resolve("out/assigned.csv");
        vm.save(saved);
        assertEquals("", vm.errorProperty().get());
        assertEquals(Files.readAllLines(r.output()), Files.readAllLines(saved));
        assertTrue(vm.statusProperty().get().contains(saved.toString()), vm.statusProperty().get());

        vm.dispose();
        assertFalse(Files.exists(r.output()), "the temporary output goes with the window");
    }

    @Test
    void badFilesAndModelsSayWhyAndKeepWhatWasThere() throws Exception {
        ModelFixtures.Fitted mixed = ModelFixtures.mixed(dir);
        ClusterModel m = mixed.model(null);
        AssignViewModel vm = new AssignViewModel(new DirectTaskRunner());
        vm.setModel(m, "test");

        vm.chooseInput(dir.resolve("absent.csv"));
        assertEquals("absent.csv: The file does not exist. Check the path.", vm.errorProperty().get());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        vm.chooseInput(empty);
        assertTrue(vm.errorProperty().get().startsWith("empty.csv, line 1: The file is empty"), vm.errorProperty().get());
        assertNull(vm.planProperty().get());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"segmentlab-model\", \"k\": ");
        vm.openModel(broken);
        assertTrue(vm.errorProperty().get().startsWith("broken.json"), vm.errorProperty().get());
        assertEquals(m, vm.model(), "a bad model file leaves the model in use");

        Path good = dir.resolve("model.json");
        ModelJson.write(good, m);
        vm.openModel(good);
        assertEquals("model.json", vm.modelSourceProperty().get());
        assertEquals(m.inputColumns(), vm.model().inputColumns());
    }

    @Test
    void aCancelledRunLeavesNoResultAndNoFile() throws Exception {
        ModelFixtures.Fitted mixed = ModelFixtures.mixed(dir);
        ClusterModel m = mixed.model(null);
        Path csv = dir.resolve("mixed.csv");
        // A runner whose token is already cancelled when the task starts: the stream stops at its first row.
        TaskRunner cancelling = new TaskRunner() {
            @Override
            public <T> TaskHandle submit(String name, BackgroundTask<T> task, TaskListener<T> listener) {
                CancellationToken token = new CancellationToken();
                if (name.startsWith("assign")) {
                    token.cancel();
                }
                try {
                    listener.succeeded(task.call(listener::progress, token));
                } catch (Throwable t) {
                    if (t instanceof org.segmentlab.progress.CancelledException) {
                        listener.cancelled();
                    } else {
                        listener.failed(t);
                    }
                }
                return TaskHandle.NONE;
            }
        };
        long tempsBefore = temps();
        AssignViewModel vm = new AssignViewModel(cancelling);
        vm.setModel(m, "test");
        vm.chooseInput(csv);
        vm.run();
        assertNull(vm.resultProperty().get());
        assertEquals("Cancelled", vm.statusProperty().get());
        assertEquals("", vm.errorProperty().get());
        assertFalse(vm.isRunning());
        assertEquals(tempsBefore, temps(), "no temporary output is left behind");
    }

    private static long temps() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("segmentlab-assigned-")).count();
        }
    }
}
