// Shequ Flow (issue 10): the language of Tasklist, Cockpit, Admin and the welcome page.
//
// The webapps pick the first of navigator.languages that is in `availableLocales`, else
// `fallbackLocale`. Our users are a Chinese office, so Chinese is the default for every browser
// (also an English one); English stays available through the 中文 / English switch in the user
// menu (shequ-ui.js) or `?lang=en` / `?lang=zh` in the address, remembered in localStorage.
const KEY = 'shequ-language';

function stored() {
  try {
    const match = /[?&]lang=(zh|en)\b/.exec(window.location.search + window.location.hash);
    if (match) {
      window.localStorage.setItem(KEY, match[1]);
    }
    return window.localStorage.getItem(KEY);
  } catch (e) {
    return null;
  }
}

/** The `locales` entry of an app's config.js. */
export function locales() {
  return stored() === 'en'
    ? {availableLocales: ['en'], fallbackLocale: 'en'}
    : {availableLocales: ['zh'], fallbackLocale: 'zh'};
}

/** The `app` entry (header and browser title: "社区流程 待办", in English "Shequ Flow Tasklist"). */
export function app(name, englishName) {
  return stored() === 'en' ? {vendor: 'Shequ Flow', name: englishName} : {vendor: '社区流程', name};
}

export function choose(language) {
  window.localStorage.setItem(KEY, language);
  window.location.reload();
}

export function current() {
  return stored() === 'en' ? 'en' : 'zh';
}
