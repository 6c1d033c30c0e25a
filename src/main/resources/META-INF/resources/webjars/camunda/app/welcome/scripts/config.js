// Shequ Flow: configuration of the welcome page (overrides the webjar's app/welcome/scripts/config.js).
// Issue 10: our own name in the header and title, Chinese by default (shequ/language.js).
import {app, locales} from '../../shequ/language.js';

export default {
  app: app('首页', 'Welcome'),
  locales: locales(),
  // The 中文 / English switch in the user menu.
  customScripts: ['../shequ/shequ-ui']
};
