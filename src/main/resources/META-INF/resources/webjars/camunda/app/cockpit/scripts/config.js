// Shequ Flow: Cockpit configuration (overrides the webjar's app/cockpit/scripts/config.js).
export default {
  // The dashboard warns when the working calendar lacks a year's holiday schedule (CAL-1).
  customScripts: ['scripts/shequ-calendar-warning.js']
};
