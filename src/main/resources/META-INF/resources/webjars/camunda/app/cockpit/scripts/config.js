/*
 * Camunda's default configuration of this webapp (Apache License 2.0, camunda-webapp-webjar), with
 * tuanwu's language settings. This file replaces the webjar's copy.
 */

export default {
  // tuanwu: Simplified Chinese unless the browser asks for English first. The webapps compare only the
  // language part of the browser's first language (zh-CN -> 'zh'), so Chinese is reached as the fallback;
  // zh-CN.json has every label (src/webapp-locales/build.py), so nothing falls back further.
  locales: {
    availableLocales: ['zh-CN', 'en'],
    fallbackLocale: 'zh-CN'
  },
  // Every date in Asia/Shanghai, whatever the browser's zone (the webapps have no setting for it).
  customScripts: ['../shanghai-time'],
  // Moment formats, spelled out by the locale file's dateLocales (zh-CN: 2025年9月1日 08:00). Cockpit 7.24
  // sets its own formats in its code after reading these, so its tables show 2025-09-01T08:00:00.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  }
};
