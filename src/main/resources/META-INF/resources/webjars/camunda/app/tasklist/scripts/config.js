/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

// Shequ Flow (issue 10): our own name in the header and title, Chinese by default (shequ/language.js).
import {app, locales} from '../../shequ/language.js';

export default {
  app: app('待办', 'Tasklist'),
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Shequ Flow: staff use Tasklist in Chinese (locales/zh.json), English on request.
  locales: locales(),
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // Shequ Flow: Chinese month and weekday names in the date picker (see scripts/zh-datepicker.js).
  // The 中文 / English switch (shequ/shequ-ui.js) and Camunda Forms in Chinese (scripts/zh-forms.js).
  // The inbox: 审批记录, approval operations, 我的申请/已办/抄送我的 (scripts/shequ-inbox.js, which
  // imports its parts, scripts/shequ-*.js, itself).
  // Due dates counted in a year without a holiday file marked 暂定 (scripts/shequ-deadlines.js);
  // urged and returned tasks marked (scripts/shequ-marks.js); the notice bell (scripts/shequ-notices.js);
  // counts on every filter, 认领并办理 and the earlier opinions on the form (scripts/shequ-day.js);
  // Tasklist on a phone (scripts/shequ-phone.js); a case's attachments in 审批记录, on the 审批单 and
  // on the start form (scripts/shequ-files.js); 台账, the ledgers and registers with their filters,
  // paging and Excel export (scripts/shequ-ledgers.js).
  customScripts: ['scripts/zh-datepicker', '../shequ/shequ-ui', 'scripts/zh-forms', 'scripts/shequ-inbox',
    'scripts/shequ-deadlines', 'scripts/shequ-marks', 'scripts/shequ-notices', 'scripts/shequ-day', 'scripts/shequ-phone',
    'scripts/shequ-files', 'scripts/shequ-ledgers'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  // Shequ Flow: the shortcut dialog shows these descriptions as they are (untranslated), so they are in Chinese.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到过滤器列表中的第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表中的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单中的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
