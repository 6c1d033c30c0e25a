// Cockpit dashboard plugin: says plainly when deadlines are being counted without the State
// Council's holiday schedule for a year (GET /calendar-status): those deadlines are provisional.
export default {
  id: 'shequCalendarWarning',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node) => {
    fetch('/calendar-status', {headers: {Accept: 'application/json'}})
      .then((response) => response.json())
      .then((status) => {
        if (!status.warning) {
          return;
        }
        const box = document.createElement('div');
        box.className = 'alert alert-warning';
        box.setAttribute('role', 'alert');
        box.style.margin = '10px 0';
        const title = document.createElement('strong');
        title.textContent = '工作日历警告：';
        box.appendChild(title);
        box.appendChild(document.createTextNode(status.warning));
        node.appendChild(box);
      })
      .catch(() => {});
  }
};
