// Shequ Flow (issue 10): the 中文 / English switch in the user menu of every webapp (the
// webapps have no language selector of their own). Loaded through customScripts in each app's
// config.js; the language itself is chosen in language.js.
import {choose, current} from './language.js';

function addSwitch() {
  document.querySelectorAll('[cam-widget-header] li.account .dropdown-menu').forEach((menu) => {
    if (menu.querySelector('li.shequ-language')) {
      return;
    }
    const other = current() === 'zh' ? 'en' : 'zh';
    const item = document.createElement('li');
    item.className = 'shequ-language';
    const link = document.createElement('a');
    link.href = '';
    link.lang = other;
    link.textContent = other === 'en' ? 'English' : '中文';
    link.title = other === 'en' ? '切换到英文界面' : 'Switch to Chinese';
    link.addEventListener('click', (event) => {
      event.preventDefault();
      choose(other);
    });
    item.appendChild(link);
    const logout = menu.querySelector('li.logout');
    menu.insertBefore(item, logout);
    const divider = document.createElement('li');
    divider.className = 'divider shequ-language';
    menu.insertBefore(divider, logout);
  });
}

document.documentElement.lang = current() === 'zh' ? 'zh-CN' : 'en';
new MutationObserver(addSwitch).observe(document.documentElement, {childList: true, subtree: true});
addSwitch();

export default [];
