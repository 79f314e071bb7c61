package cn.tuanwu.upload;

import cn.tuanwu.member.MemberRegister;
import cn.tuanwu.member.NewMember;
import cn.tuanwu.member.RegisteredMember;
import cn.tuanwu.organisation.Organisations;
import cn.tuanwu.shared.IdNumber;
import cn.tuanwu.shared.IdNumberCheck;
import cn.tuanwu.upload.rules.CheckedRow;
import cn.tuanwu.upload.rules.Column;
import cn.tuanwu.upload.rules.ColumnMap;
import cn.tuanwu.upload.rules.HeaderMatcher;
import cn.tuanwu.upload.rules.MemberFields;
import cn.tuanwu.upload.rules.OrgDirectory;
import cn.tuanwu.upload.rules.RowError;
import cn.tuanwu.upload.rules.RowValidator;
import cn.tuanwu.upload.sheet.FileFailure;
import cn.tuanwu.upload.sheet.SheetCell;
import cn.tuanwu.upload.sheet.SheetRow;
import cn.tuanwu.upload.sheet.UploadFileException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Receives the file's rows in two steps. {@link #check}, on the reading thread of
 * {@link cn.tuanwu.upload.sheet.SheetReader#readAhead(java.nio.file.Path, String,
 * cn.tuanwu.upload.sheet.SheetReader.RowStep, cn.tuanwu.upload.sheet.SheetReader.ItemHandler)}: finds
 * the header and checks each data row against the data standard (no transaction needed; an
 * organisation code outside the subtree is looked up on a connection of its own). {@link #accept},
 * on the staging transaction's thread: every {@code chunkSize} rows resolves duplicates and the
 * register in one query and stages the chunk in one batch. Fields are used by one of the two threads
 * only, except the header's, which are set before the first data row is handed over.
 */
final class StagingHandler {

    private static final int HEADER_SEARCH_ROWS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A checked row waiting for its chunk; the cells' texts are copied only for rows the report shows. */
    record Pending(CheckedRow checked, String idNumber, SheetRow row) {
    }

    private final String uploadId;
    private final Set<String> subtree;
    private final MemberRegister register;
    private final StagedRows stagedRows;
    private final UploadSettings settings;
    private final RowValidator validator;
    private final Map<String, Integer> firstRowOfId = new HashMap<>();
    private final Map<RowOutcome, Integer> counts = new EnumMap<>(RowOutcome.class);
    private final List<Pending> pending = new ArrayList<>();
    private ColumnMap columns;
    private List<String> headers = List.of();
    private int dataRows;
    private int headerWarnings;
    private int warnings;

    StagingHandler(String uploadId, LocalDate today, Set<String> subtree, Organisations organisations,
            MemberRegister register, StagedRows stagedRows, UploadSettings settings) {
        this.uploadId = uploadId;
        this.subtree = subtree;
        this.register = register;
        this.stagedRows = stagedRows;
        this.settings = settings;
        // Codes outside the subtree are looked up once per file, not once per row that repeats them.
        Map<String, OrgDirectory.Placement> outside = new HashMap<>();
        OrgDirectory directory = code -> subtree.contains(code) ? OrgDirectory.Placement.IN_SCOPE
                : outside.computeIfAbsent(code, unknown -> organisations.find(unknown).isPresent()
                        ? OrgDirectory.Placement.OUT_OF_SCOPE : OrgDirectory.Placement.UNKNOWN);
        this.validator = new RowValidator(today, today.getYear(), directory);
    }

    /** Reading thread: the checked data row, or null for rows before and of the header. */
    Pending check(SheetRow row) throws UploadFileException {
        if (columns == null) {
            findHeader(row);
            return null;
        }
        if (++dataRows > settings.maxRows()) {
            throw new UploadFileException(FileFailure.F_TOO_MANY_ROWS,
                    "数据行数超过上限 " + settings.maxRows() + " 行：请拆分成几个文件分别上传");
        }
        CheckedRow checked = validator.check(row, columns);
        String idNumber = checked.valid() ? checked.fields().idNumber().value() : idNumberOf(row);
        return new Pending(checked, idNumber, row);
    }

    /** Staging thread: a checked row, in file order; staged with its chunk. */
    void accept(Pending row) {
        pending.add(row);
        if (pending.size() >= settings.chunkSize()) {
            flush();
        }
    }

    private void findHeader(SheetRow row) throws UploadFileException {
        if (row.rowNumber() > HEADER_SEARCH_ROWS) {
            throw new UploadFileException(FileFailure.F_MISSING_COLUMNS,
                    "前 " + HEADER_SEARCH_ROWS + " 行中没有找到「身份证号」列的表头：请使用系统模板，表头放在第一行");
        }
        var match = HeaderMatcher.match(row);
        if (match.isEmpty()) {
            return;
        }
        if (!match.get().missingRequired().isEmpty()) {
            throw new UploadFileException(FileFailure.F_MISSING_COLUMNS,
                    HeaderMatcher.missingColumnsMessage(match.get().missingRequired()));
        }
        columns = match.get();
        headers = texts(row);
        headerWarnings = columns.unknown().size();
    }

    void finish() throws UploadFileException {
        if (columns == null) {
            throw new UploadFileException(FileFailure.F_MISSING_COLUMNS,
                    "没有找到「身份证号」列的表头：请使用系统模板，表头放在第一行");
        }
        flush();
        if (dataRows == 0) {
            throw new UploadFileException(FileFailure.F_NO_DATA);
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> lookup = new ArrayList<>();
        for (Pending row : pending) {
            if (row.checked().valid()) {
                lookup.add(row.checked().fields().idNumber().value());
            }
        }
        Map<String, RegisteredMember> existing = register.findByIdNumbers(lookup);
        List<StagedRow> staged = new ArrayList<>(pending.size());
        for (Pending row : pending) {
            staged.add(stage(row, existing));
        }
        stagedRows.insert(uploadId, staged);
        pending.clear();
    }

    private StagedRow stage(Pending row, Map<String, RegisteredMember> existing) {
        CheckedRow checked = row.checked();
        List<StagedRow.StagedError> errors = new ArrayList<>(checked.errors().size());
        for (RowError error : checked.errors()) {
            errors.add(staged(error));
        }
        List<StagedRow.StagedError> rowWarnings = checked.warnings().isEmpty() ? List.of()
                : checked.warnings().stream().map(this::staged).toList();
        if (row.idNumber() != null) {
            Integer first = firstRowOfId.putIfAbsent(row.idNumber(), checked.rowNumber());
            if (first != null) {
                errors.add(new StagedRow.StagedError("E_DUPLICATE_IN_FILE", Column.ID_NUMBER.header(),
                        columns.columns().get(Column.ID_NUMBER),
                        "身份证号与第 " + first + " 行重复：同一人只保留第一次出现的行，请删除重复行"));
            }
        }
        RowOutcome outcome;
        List<String> changed = List.of();
        Long memberId = null;
        NewMember member = null;
        if (!errors.isEmpty()) {
            outcome = RowOutcome.REJECTED;
        } else {
            MemberFields fields = checked.fields();
            RegisteredMember current = existing.get(fields.idNumber().value());
            RegisterRules.Decision decision = RegisterRules.decide(fields, current, subtree);
            outcome = decision.outcome();
            changed = decision.changedFields();
            if (decision.errorCode() != null) {
                errors.add(new StagedRow.StagedError(decision.errorCode(), null, null, decision.errorMessage()));
            } else {
                memberId = current == null ? null : current.id();
                member = new NewMember(fields.idNumber(), fields.name(), fields.ethnicity(), fields.politicalStatus(),
                        fields.education(), fields.joinedLeague(), fields.phone(), fields.orgCode(), fields.category(),
                        fields.post(), fields.entryType(), null);
            }
        }
        counts.merge(outcome, 1, Integer::sum);
        warnings += rowWarnings.size();
        boolean reported = outcome == RowOutcome.REJECTED || !rowWarnings.isEmpty();
        return new StagedRow(checked.rowNumber(), outcome, errors, rowWarnings, changed,
                reported ? texts(row.row()) : null, memberId, outcome.changesRegister() ? member : null);
    }

    private StagedRow.StagedError staged(RowError error) {
        return new StagedRow.StagedError(error.code(), error.column() == null ? null : error.column().header(),
                error.column() == null ? null : columns.columns().get(error.column()), error.message());
    }

    /** The ID number of a rejected row when it is valid, whatever else is wrong with the row: for duplicates. */
    private String idNumberOf(SheetRow row) {
        Integer index = columns.columns().get(Column.ID_NUMBER);
        SheetCell cell = index == null ? null : row.cell(index);
        if (cell == null || cell.kind() != SheetCell.Kind.TEXT) {
            return null;
        }
        return IdNumber.check(cell.text(), LocalDate.MAX) instanceof IdNumberCheck.Valid valid
                ? valid.idNumber().value() : null;
    }

    private static List<String> texts(SheetRow row) {
        List<String> texts = new ArrayList<>(row.cells().size());
        for (SheetCell cell : row.cells()) {
            texts.add(cell == null ? "" : cell.text());
        }
        return texts;
    }

    Map<RowOutcome, Integer> counts() {
        return counts;
    }

    int warnings() {
        return headerWarnings + warnings;
    }

    String headersJson() {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
