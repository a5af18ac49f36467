namespace IacPlatform.AppHost.Dashboard;

internal static class OpsPageHtml
{
    public const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>IacPlatform AppHost</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 1.5rem; background: #f6f7f9; color: #1d232b; }
          h1 { font-size: 1.3rem; } table { border-collapse: collapse; width: 100%; background: #fff; }
          th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e2e5ea; vertical-align: top; }
          .healthy { color: #17803d; } .unhealthy, .crashed, .failed { color: #b42318; } .unknown { color: #6b7280; }
          pre { max-height: 16rem; overflow: auto; background: #111827; color: #e5e7eb; padding: .5rem; font-size: .75rem; margin: 0; }
          #banner { display: none; background: #fff4ce; border: 1px solid #e0b100; padding: .8rem; margin-bottom: 1rem; }
          details summary { cursor: pointer; }
        </style></head>
        <body>
        <h1>IacPlatform AppHost</h1>
        <div id="banner"></div>
        <table><thead><tr><th>Resource</th><th>Type</th><th>State</th><th>Health</th><th>Endpoints</th><th>Restarts</th><th>Log</th></tr></thead>
        <tbody id="rows"></tbody></table>
        <p><small>Refreshes every 2 s. JSON: <a href="/api/resources">/api/resources</a></small></p>
        <script>
          const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
          const open = new Set();
          async function banner() {
            const r = await fetch('/api/banner');
            if (r.status === 200) { const b = await r.json(); const el = document.getElementById('banner');
              el.textContent = b.banner; el.style.display = 'block'; }
          }
          async function refresh() {
            try {
              const resources = await (await fetch('/api/resources')).json();
              document.querySelectorAll('details[data-name]').forEach(d => d.open ? open.add(d.dataset.name) : open.delete(d.dataset.name));
              document.getElementById('rows').innerHTML = resources.map(r => `<tr>
                <td><b>${esc(r.name)}</b>${r.pid ? `<br><small>pid ${r.pid}</small>` : ''}${r.message ? `<br><small>${esc(r.message)}</small>` : ''}</td>
                <td>${esc(r.type)}</td><td class="${esc(r.state)}">${esc(r.state)}</td><td class="${esc(r.health)}">${esc(r.health)}</td>
                <td>${r.endpoints.map(e => e.startsWith('http') ? `<a href="${esc(e)}">${esc(e)}</a>` : esc(e)).join('<br>')}</td>
                <td>${r.restarts}</td>
                <td><details data-name="${esc(r.name)}" ${open.has(r.name) ? 'open' : ''}><summary>${r.log.length} lines</summary><pre>${esc(r.log.join('\n'))}</pre></details></td></tr>`).join('');
            } catch (e) { /* AppHost stopping */ }
          }
          banner(); refresh(); setInterval(refresh, 2000);
        </script>
        </body></html>
        """;
}
