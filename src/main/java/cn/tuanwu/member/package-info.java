/**
 * The member register: every field of the data standard, status (active or transferred out) and
 * registration (网上大报到). Members leave the server masked.
 */
package cn.tuanwu.member;
