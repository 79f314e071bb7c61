/**
 * The spreadsheets the upload feature serves: the blank template organisations fill in, and the
 * error report of an upload, which they fix and upload again.
 */
package cn.tuanwu.upload.report;
