/**
 * The organisation tree (团市委 → top-level organisations of six categories → any depth below) and
 * every user's scope in it.
 */
package cn.tuanwu.organisation;
