/*
 * tuanwu: the webapps show every date and time in Asia/Shanghai, whatever the browser's own zone.
 *
 * Loaded by each webapp's config.js (customScripts: ['../shanghai-time']). The webapps format dates with
 * moment.js and have no time-zone setting; moment calls moment.updateOffset on every date it creates or
 * changes (the hook moment-timezone uses). Here that hook gives each date in the browser's local time
 * the offset of China Standard Time, UTC+8, which has had no daylight saving since 1991, so no zone
 * table is needed. Dates made in UTC on purpose (moment.utc, durations) are left alone. In a browser
 * already in China this changes nothing. What a user types into a date picker is still read in the
 * browser's own zone.
 */
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

function showInShanghai(moment) {
  if (!moment || moment.tuanwuShanghaiTime) {
    return;
  }
  moment.tuanwuShanghaiTime = true;
  const previous = moment.updateOffset;
  let adjusting = false;
  moment.updateOffset = function (date, keepTime) {
    if (typeof previous === 'function') {
      previous.call(this, date, keepTime);
    }
    if (adjusting || date._isUTC || !date.isValid()) {
      return;
    }
    adjusting = true;
    try {
      date.utcOffset(SHANGHAI_OFFSET_MINUTES);
    } finally {
      adjusting = false;
    }
  };
}

// Cockpit and Admin expose moment on window; Tasklist only through angular-moment's 'moment' constant.
if (window.moment) {
  showInShanghai(window.moment);
} else if (window.angular) {
  try {
    window.angular.module('angularMoment').run(['moment', showInShanghai]);
  } catch (e) {
    console.warn('tuanwu: dates stay in the browser\'s time zone (angularMoment not found)', e);
  }
}

export default [];
