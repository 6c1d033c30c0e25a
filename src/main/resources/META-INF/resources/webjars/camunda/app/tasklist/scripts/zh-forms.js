// Shequ Flow (issue 10): Camunda Forms (form-js) in Chinese inside Tasklist.
//
// Tasklist 7.24 renders Camunda Forms with the form-js viewer it bundles, created as
// `new Form({container})` without additional modules, and that form-js version has no translate
// service: its validation messages, the select placeholder and the date picker are fixed English
// strings, and the date format follows the browser's locale. So this script watches the task and
// start forms (one MutationObserver, only while the UI language is Chinese) and
//  - replaces form-js's own English texts (validation messages, "Select", "Search", "No results")
//    with Chinese: form-js (Preact) only rewrites a text when its own value changes, so a
//    replaced text stays replaced, and a new one is replaced again;
//  - switches each date picker (flatpickr, reachable as input._flatpickr) to the format
//    yyyy-MM-dd and a Chinese calendar (month and weekday names, weeks from Monday). The value
//    the form submits is unchanged (form-js keeps an ISO date).
import {current} from '../../shequ/language.js';

const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.*)\.$/, (m) => `格式不正确（应符合 ${m[1]}）。`],
  [/^Field must have minimum value of (.*)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `至少填写 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `最多填写 ${m[1]} 个字。`],
  [/^Field must be a valid\s+international phone number\..*$/, () => '请填写有效的电话号码（国际格式，如 +8613800000000）。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址。'],
  [/^Please select a valid value, the two nearest valid values are (\S+) and (\S+?)\.?$/,
    (m) => `请填写有效的数值，最接近的两个有效值是 ${m[1]} 和 ${m[2]}。`],
  [/^Select$/, () => '请选择'],
  [/^No results$/, () => '无匹配项'],
  [/^Search$/, () => '搜索'],
  [/^Clear$/, () => '清除']
];

const PLACEHOLDERS = {Search: '搜索', Select: '请选择', 'hh:mm': '时:分'};

const MONTHS = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];

/** A flatpickr locale (merged by flatpickr over its English default). */
export const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: MONTHS
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

/** The date format shown and typed: yyyy-MM-dd (flatpickr's Y-m-d). */
export const DATE_FORMAT = 'Y-m-d';
export const DATE_PLACEHOLDER = 'yyyy-MM-dd';

function translateText(node) {
  const text = node.data.trim();
  if (!text) {
    return;
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      node.data = chinese(match);
      return;
    }
  }
}

function translateTexts(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
}

function chineseDatePicker(input) {
  const picker = input._flatpickr;
  if (!picker) {
    return false;
  }
  if (!picker.shequZh) {
    picker.shequZh = true;
    picker.set({locale: FLATPICKR_ZH, dateFormat: DATE_FORMAT});
  }
  if (input.placeholder !== DATE_PLACEHOLDER) {
    input.placeholder = DATE_PLACEHOLDER;
  }
  const months = picker.monthsDropdownContainer;
  if (months) {
    Array.from(months.options).forEach((option) => {
      const chinese = MONTHS[Number(option.value)];
      if (chinese && option.textContent !== chinese) {
        option.textContent = chinese;
      }
    });
  }
  return true;
}

function translateForm(form) {
  translateTexts(form);
  form.querySelectorAll('input[placeholder]').forEach((input) => {
    const chinese = PLACEHOLDERS[input.placeholder];
    if (chinese) {
      input.placeholder = chinese;
    }
  });
  form.querySelectorAll('.fjs-datepicker input.fjs-input').forEach((input) => {
    if (!chineseDatePicker(input)) {
      // form-js creates the picker in an effect, just after the input is shown.
      setTimeout(() => chineseDatePicker(input), 50);
    }
  });
}

let scheduled = false;

function translateForms() {
  scheduled = false;
  document.querySelectorAll('.fjs-container').forEach(translateForm);
}

if (current() === 'zh') {
  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      // Once per burst of changes, before the browser paints them.
      Promise.resolve().then(translateForms);
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}

export default [];
