/** The outbox: every notification is a row first, with a key that makes it happen once. */
package cn.tuanwu.notification;
