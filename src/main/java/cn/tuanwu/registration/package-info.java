/** 网上大报到: the feed of electronic member-card claims marks members registered. */
package cn.tuanwu.registration;
