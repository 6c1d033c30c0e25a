// Shequ Flow: Admin configuration (overrides the webjar's app/admin/scripts/config.js).
// Issue 10: our own name in the header and title, Chinese by default (shequ/language.js).
import {app, locales} from '../../shequ/language.js';

export default {
  app: app('管理', 'Admin'),
  locales: locales(),
  // The 中文 / English switch in the user menu.
  customScripts: ['../shequ/shequ-ui']
};
