/**
 * The few types every feature uses: the ID number, the clock in Asia/Shanghai and the API's errors.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.tuanwu.shared;
