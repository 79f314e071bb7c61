package cn.tuanwu.upload;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The counts an upload shows in Cockpit and in the review form: numbers, never personal data. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static void writeCounts(VariableScope scope, Upload upload) {
        upload.counts().forEach((outcome, count) -> scope.setVariable(countVariable(outcome), count));
        scope.setVariable(MemberImportProcess.WARNINGS, upload.warnings());
        scope.setVariable(MemberImportProcess.LATE, upload.late());
    }

    static String countVariable(RowOutcome outcome) {
        String name = outcome.name().toLowerCase();
        return "count" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
