/**
 * 页面: the application's own pages for people — the login, the upload page (上传), the transfer-out page
 * (人员转出) and the supervision dashboard (督查看板) — static HTML, CSS and JavaScript under
 * {@code static/app/} that work offline and call {@code /api} with the login's session.
 */
package cn.tuanwu.pages;
