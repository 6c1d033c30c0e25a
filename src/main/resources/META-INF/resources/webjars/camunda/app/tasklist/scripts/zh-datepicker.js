// Shequ Flow: Tasklist's date picker (follow-up / due date) takes its month and weekday names
// from AngularJS $locale, not from locales/*.json, so it stays English in the Chinese UI.
// Loaded through customScripts in config.js; switches those names to Chinese while the UI
// language is zh and restores the built-in English ones for any other language.
const angular = window.angular;

const ZH = {
  MONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  STANDALONEMONTH: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  DAY: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  SHORTDAY: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  // 0 = Monday in AngularJS; matches "week.dow": 1 in locales/zh.json.
  FIRSTDAYOFWEEK: 0
};

const ZH_PICKER = {
  formatDayTitle: 'yyyy年M月',
  formatMonthTitle: 'yyyy年'
};

if (angular) {
  angular.module('cam.tasklist').run([
    '$rootScope', '$translate', '$locale', 'uibDatepickerConfig',
    function ($rootScope, $translate, $locale, pickerConfig) {
      const formats = $locale.DATETIME_FORMATS;
      const builtIn = {};
      Object.keys(ZH).forEach(key => { builtIn[key] = formats[key]; });
      Object.keys(ZH_PICKER).forEach(key => { builtIn[key] = pickerConfig[key]; });

      function apply(language) {
        const zh = /^zh/i.test(language || '');
        Object.keys(ZH).forEach(key => { formats[key] = zh ? ZH[key] : builtIn[key]; });
        Object.keys(ZH_PICKER).forEach(key => { pickerConfig[key] = zh ? ZH_PICKER[key] : builtIn[key]; });
      }

      apply($translate.use() || $translate.proposedLanguage());
      $rootScope.$on('$translateChangeSuccess', (event, data) => apply(data && data.language));
    }
  ]);
} else {
  console.warn('zh-datepicker: window.angular is not available; the date picker stays in English.');
}
