/** The {@code demo} profile: a realistic organisation tree, members and one account per role. */
package cn.tuanwu.demo;
