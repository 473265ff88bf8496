package org.segmentlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded table: columns of primitive arrays, the dialect it was read with, and what the loader
 * noticed. Immutable.
 */
public final class DataTable {

    private final Path source;
    private final CsvDialect dialect;
    private final List<Column> columns;
    private final int rowCount;
    private final long skippedRows;
    private final List<String> warnings;

    /**
     * @param source      the file it was read from (null for tables built in memory)
     * @param skippedRows ragged rows skipped on load (when the user asked to skip them)
     */
    public DataTable(Path source, CsvDialect dialect, List<Column> columns, int rowCount, long skippedRows,
                     List<String> warnings) {
        this.source = source;
        this.dialect = dialect;
        this.columns = List.copyOf(columns);
        this.rowCount = rowCount;
        this.skippedRows = skippedRows;
        this.warnings = List.copyOf(warnings);
        for (Column c : this.columns) {
            if (c.size() != rowCount) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, not " + rowCount);
            }
        }
    }

    public Path source() {
        return source;
    }

    public CsvDialect dialect() {
        return dialect;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public long skippedRows() {
        return skippedRows;
    }

    public List<String> warnings() {
        return warnings;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column with this exact name, or empty. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Index of the column with this exact name, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The first column typed as identifier, if any. */
    public Optional<Column> identifierColumn() {
        return columns.stream().filter(c -> c.type() == ColumnType.IDENTIFIER).findFirst();
    }

    /** Bytes held by the columns' arrays and dictionaries (an estimate, see {@link Column#estimatedBytes}). */
    public long estimatedBytes() {
        long sum = 0;
        for (Column c : columns) {
            sum += c.estimatedBytes();
        }
        return sum;
    }

    /**
     * Computes every column's statistics now (they are otherwise computed on first use), on up to two
     * threads, reporting progress per column and checking {@code cancel} between columns. The table's
     * data is not modified; calling this again is cheap.
     *
     * @throws org.segmentlab.progress.CancelledException when cancelled
     */
    public void computeStatistics(org.segmentlab.progress.ProgressListener progress,
                                  org.segmentlab.progress.CancellationToken cancel) {
        int n = columns.size();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                cancel.throwIfCancelled();
                columns.get(i).statistics();
                progress.update((double) done.incrementAndGet() / n, "Statistics of " + columns.get(i).name());
            }
        };
        java.util.concurrent.CompletableFuture<Void> other =
                n > 1 && Runtime.getRuntime().availableProcessors() > 1 ? java.util.concurrent.CompletableFuture.runAsync(worker,
                        r -> org.segmentlab.progress.WorkerThreads.daemon(r, "column-statistics").start())
                        : java.util.concurrent.CompletableFuture.completedFuture(null);
        worker.run();
        try {
            other.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** This table with one column's type overridden. */
    public DataTable withColumnType(String name, ColumnType type) {
        int i = columnIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column named " + name);
        }
        List<Column> copy = new ArrayList<>(columns);
        copy.set(i, Objects.requireNonNull(columns.get(i).withType(type)));
        return new DataTable(source, dialect, copy, rowCount, skippedRows, warnings);
    }
}
