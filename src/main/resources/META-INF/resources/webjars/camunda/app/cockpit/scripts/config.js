// Shequ Flow: Cockpit configuration (overrides the webjar's app/cockpit/scripts/config.js).
// Issue 10: our own name in the header and title, Chinese by default (shequ/language.js).
import {app, locales} from '../../shequ/language.js';

export default {
  app: app('监控', 'Cockpit'),
  locales: locales(),
  // The dashboard warns when the working calendar lacks a year's holiday schedule (CAL-1);
  // 业务统计 for leaders, first on the start page and at #/statistics (issue 20);
  // the 中文 / English switch in the user menu.
  customScripts: ['scripts/shequ-calendar-warning.js', 'scripts/shequ-statistics.js', '../shequ/shequ-ui']
};
