/**
 * The Camunda webapps as our users meet them: Tasklist's shared task filters (我的审核, 已逾期, 上级督办/升级),
 * made at start-up and readable by every user, the engine's task authorizations deciding which tasks each one
 * lists, each task's candidate groups reading its process instance (the filters' variable columns); dates in
 * Asia/Shanghai; and the Chinese labels and settings of Tasklist, Cockpit, Admin and Welcome, which are resources
 * ({@code META-INF/resources/webjars/camunda/app/<app>/}) and have no code here.
 */
package cn.tuanwu.webapp;
