// Shequ Flow, the office's working day (issue 18): 认领并办理. An unclaimed task of the user's post
// opens ready to fill: Tasklist keeps a task's form and its 完成 button disabled until it is claimed;
// here they are enabled, and 完成 submits the form as it is. The server claims the task for the user
// in the same command as the completion (ClaimOnComplete, under the claim's rules: 回避, ORG-5, and a
// task a colleague claimed meanwhile is 409), so nothing typed is lost and no separate claim is
// needed. A refusal leaves the form as it was, with Tasklist's error message beside it. Who still presses
// Tasklist's 认领 — the button, or the keyboard's ctrl+alt+c (config.js, shortcuts.claimTask) — keeps
// what he typed: the form is saved as Tasklist's draft first (Tasklist reloads the form after a
// claim and fills it from that draft).

const angular = window.angular;

function formScope(details) {
  const node = details.querySelector('[cam-tasklist-form]');
  if (!node || !angular) return null;
  const element = angular.element(node);
  return element.isolateScope() || element.scope() || null;
}

/** Whether the open task is one the user may claim (Tasklist offers its 认领 button). */
export function claimable(details) {
  return !!details.querySelector('[cam-tasklist-task-meta] button.claim');
}

/** Enables the form and 完成 of an unclaimed task (once per task; Tasklist resets them per task). */
export function enableClaimable(details, taskId) {
  if (!claimable(details)) return;
  const scope = formScope(details);
  if (!scope || !scope.options) return;
  if (scope.options.disableForm || scope.options.disableCompleteButton) {
    scope.options.disableForm = false;
    scope.options.disableCompleteButton = false;
    scope.options.disableAddVariableButton = false;
    scope.$applyAsync();
  }
  const form = details.querySelector('[cam-tasklist-form]');
  if (form && form.getAttribute('data-shequ-claimable') !== taskId) form.setAttribute('data-shequ-claimable', taskId);
}

/** Saves the open task's form as Tasklist's draft when it is a task the user may claim. */
function saveDraft(details) {
  if (!details || !claimable(details)) return;
  const scope = formScope(details);
  if (scope && typeof scope.save === 'function' && scope.$dirty !== false) {
    try {
      scope.save();
    } catch (e) {
      console.warn('shequ-claim: the draft could not be saved', e);
    }
  }
}

/** Before Tasklist's own 认领 button: keep what was typed as Tasklist's draft, which it restores after the claim. */
export function keepInputOnClaim(event) {
  const button = event.target.closest && event.target.closest('[cam-tasklist-task-meta] button.claim');
  if (button) saveDraft(button.closest('.task-details'));
}

/**
 * The same before the keyboard's claim: Tasklist broadcasts the shortcut from $rootScope
 * ('shortcut:claimTask'), whose own listeners hear it before the task's, which claims.
 */
export function keepInputOnShortcutClaim() {
  if (!angular) return;
  const listen = rootScope => rootScope.$on('shortcut:claimTask', () => saveDraft(document.querySelector('.task-details')));
  const injector = angular.element(document.documentElement).injector();
  if (injector) listen(injector.get('$rootScope'));
  else angular.module('cam.tasklist').run(['$rootScope', listen]);
}
