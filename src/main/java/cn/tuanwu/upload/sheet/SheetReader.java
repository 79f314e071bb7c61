package cn.tuanwu.upload.sheet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the member sheet of an uploaded .xlsx, .xls or .csv row by row, refusing files that are not
 * spreadsheets, are encrypted, too large or hostile (zip bombs, XML entities), with the F_ codes of
 * data-standard.md. Only the format's own needs (fastexcel's shared strings, a whole .xls) are held
 * in memory, never the rows.
 *
 * <p>Exceptions carry only the failure's Chinese message, never a cause: the causes of parser
 * exceptions can quote cell content, which is personal data and must not reach logs.
 */
public final class SheetReader {

    static final String PREFERRED_SHEET = "团员信息";
    /** Rows handed from the reading thread to the caller's at a time, and how many such batches may wait. */
    private static final int BATCH = 500;
    private static final int BATCHES_AHEAD = 8;

    private final ReadLimits limits;
    private final ZipSafety zipSafety;
    private final XlsxSheetSource xlsx = new XlsxSheetSource();
    private final XlsSheetSource xls = new XlsSheetSource();
    private final CsvSheetSource csv = new CsvSheetSource();

    public SheetReader(ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits);
        this.zipSafety = new ZipSafety(limits.maxUncompressedBytes());
    }

    /**
     * Calls {@code handler} for every non-blank row of the chosen sheet, in order.
     *
     * @param fileName the name the user gave the file; only its {@code .csv} ending is used, since
     *                 xlsx and xls are recognised by content
     * @throws UploadFileException the file is refused, or the handler stopped the reading (its own
     *                             exception, unchanged)
     */
    public void read(Path file, String fileName, SheetRowHandler handler) throws UploadFileException {
        Objects.requireNonNull(file);
        Objects.requireNonNull(handler);
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new UploadFileException(FileFailure.F_TOO_LARGE);
            }
            if (size == 0) {
                throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
            }
            RowEmitter out = new RowEmitter(limits.maxColumns(), handler);
            switch (FileFormat.detect(file, fileName)) {
                case ZIP -> {
                    zipSafety.check(file);
                    xlsx.read(file, out, limits.maxColumns());
                }
                case OLE2 -> xls.read(file, out, limits.maxColumns());
                case CSV -> csv.read(file, out, limits.maxColumns());
            }
        } catch (HandlerFailure e) {
            throw e.original();
        } catch (IOException | RuntimeException e) {
            // Corrupt zip, broken XML, POI's record errors, fastexcel's ExcelReaderException: all mean
            // the file cannot be read as a spreadsheet. Deliberately no cause (see the class comment).
            throw new UploadFileException(FileFailure.F_NOT_SPREADSHEET);
        }
    }

    /**
     * Like {@link #read}, with the same rows, order and failures, but the file is unzipped, checked
     * and parsed on a thread of its own while {@code handler} runs on the caller's thread, a few
     * thousand rows behind: the caller's work per row (rules, database) overlaps the parsing instead
     * of adding to it. Memory stays bounded ({@value #BATCHES_AHEAD} batches of {@value #BATCH} rows).
     * When the handler throws, the reading thread is stopped; either way it has ended, and let go of
     * the file, when this method returns.
     */
    public void readAhead(Path file, String fileName, SheetRowHandler handler) throws UploadFileException {
        Objects.requireNonNull(handler);
        readAhead(file, fileName, row -> row, handler::row);
    }

    /**
     * {@link #readAhead(Path, String, SheetRowHandler)} with a first step that also runs on the reading
     * thread: {@code first} gets every row in order and may stop the reading with an
     * {@link UploadFileException} (which the caller then gets after the items made before it, as
     * {@link #read} would have thrown it there); {@code then} gets, on the caller's thread and in
     * order, every item it made (null: nothing for this row).
     */
    public <T> void readAhead(Path file, String fileName, RowStep<T> first, ItemHandler<T> then)
            throws UploadFileException {
        Objects.requireNonNull(file);
        Objects.requireNonNull(first);
        Objects.requireNonNull(then);
        ReadAhead<T> ahead = new ReadAhead<>();
        Thread reading = new Thread(() -> ahead.produce(this, file, fileName, first), "sheet-read-ahead");
        reading.setDaemon(true);
        reading.start();
        try {
            ahead.consume(then);
        } finally {
            ahead.stopped = true;
            ahead.queue.clear();
            boolean interrupted = false;
            while (reading.isAlive()) {
                try {
                    reading.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What {@link #readAhead(Path, String, RowStep, ItemHandler)} does with a row on the reading thread. */
    @FunctionalInterface
    public interface RowStep<T> {

        /** The item for this row, or null for none; may throw to stop the reading. */
        T apply(SheetRow row) throws UploadFileException;
    }

    /** What {@link #readAhead(Path, String, RowStep, ItemHandler)} does with an item on the caller's thread. */
    @FunctionalInterface
    public interface ItemHandler<T> {

        void accept(T item) throws UploadFileException;
    }

    /** The hand-over between the reading thread and the caller's. */
    private static final class ReadAhead<T> {

        /** The end of the items: how the reading ended (null when the whole sheet was read). */
        private record End(Throwable failure) {
        }

        /** Thrown inside the reading thread's handler once the caller has stopped. */
        private static final class Stopped extends RuntimeException {
            Stopped() {
                super(null, null, false, false);
            }
        }

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private volatile boolean stopped;

        void produce(SheetReader reader, Path file, String fileName, RowStep<T> first) {
            Throwable failure = null;
            try {
                var batches = new SheetRowHandler() {
                    private List<T> batch = new ArrayList<>(BATCH);

                    @Override
                    public void row(SheetRow row) throws UploadFileException {
                        if (stopped) {
                            throw new Stopped();
                        }
                        T item = first.apply(row);
                        if (item == null) {
                            return;
                        }
                        batch.add(item);
                        if (batch.size() == BATCH) {
                            put(batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }

                    void rest() {
                        if (!batch.isEmpty()) {
                            put(batch);
                        }
                    }
                };
                try {
                    reader.read(file, fileName, batches);
                } catch (Stopped e) {
                    throw e;
                } catch (UploadFileException | RuntimeException e) {
                    // What was made before the failure still goes first, as read() would have handled it.
                    batches.rest();
                    throw e;
                }
                batches.rest();
            } catch (Stopped e) {
                return;
            } catch (UploadFileException | RuntimeException | Error e) {
                failure = e;
            }
            try {
                put(new End(failure));
            } catch (Stopped e) {
                // The caller is gone; nobody waits for the end.
            }
        }

        /** Waits for room, but gives up as soon as the caller has stopped. */
        private void put(Object item) {
            try {
                while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            }
            if (stopped) {
                throw new Stopped();
            }
        }

        @SuppressWarnings("unchecked")
        void consume(ItemHandler<T> then) throws UploadFileException {
            while (true) {
                Object item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading an upload");
                }
                if (item instanceof End end) {
                    if (end.failure() == null) {
                        return;
                    }
                    if (end.failure() instanceof UploadFileException e) {
                        throw e;
                    }
                    if (end.failure() instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) end.failure();
                }
                for (T each : (List<T>) item) {
                    then.accept(each);
                }
            }
        }
    }
}
