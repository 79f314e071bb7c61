package cn.tuanwu.webapp;

import java.util.Map;
import org.camunda.bpm.engine.task.TaskQuery;

/** A Tasklist filter as we define it: its name, its saved task query and how Tasklist shows it. */
record TaskFilter(String name, TaskQuery query, Map<String, Object> properties) {
}
