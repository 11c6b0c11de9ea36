// The case's fund-flow graph: cytoscape over server-placed hop columns. Accounts the bank
// holds turn green, requested ones amber; the stop-request table (polled by htmx) says which.
(function () {
  "use strict";
  const data = document.getElementById("graph-data");
  if (!data) { return; }
  const cy = cytoscape({
    container: document.getElementById("graph"),
    elements: JSON.parse(data.textContent),
    layout: { name: "preset" },
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "shape": "round-rectangle", "width": 170, "height": 46, "background-color": "#fff",
        "border-width": 2, "border-color": "#2471a3", "label": "data(label)",
        "text-wrap": "wrap", "text-valign": "center", "font-size": 10 } },
      { selector: "node.victim", style: { "border-color": "#2c3e50", "background-color": "#eaf2f8" } },
      { selector: "node.cashout", style: { "border-color": "#c0392b", "shape": "diamond", "width": 70 } },
      { selector: "node.requested", style: { "border-color": "#e07000", "border-width": 4 } },
      { selector: "node.held", style: { "border-color": "#1e8449", "border-width": 5, "background-color": "#e9f7ef" } },
      { selector: "edge", style: {
        "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2,
        "line-color": "#7f8c8d", "target-arrow-color": "#7f8c8d", "label": "data(label)",
        "font-size": 10, "text-background-color": "#fff", "text-background-opacity": 1 } },
    ],
  });
  cy.fit(undefined, 20);
  window.fanzhaGraph = cy;
  cy.on("tap", "node", function (event) {
    const d = event.target.data();
    const lines = [d.account || d.label, d.bank, d.hop ? "hop " + d.hop : "",
      d.received ? "in " + d.received : "", d.remaining ? "still there " + d.remaining : ""];
    document.getElementById("node-info").textContent = lines.filter(Boolean).join(" · ");
  });
  function mark() {
    const states = {};
    document.querySelectorAll("#case-stop-requests tr[data-account]").forEach(function (row) {
      const held = row.dataset.state === "stopped" || row.dataset.state === "frozen";
      states[row.dataset.account] = held || states[row.dataset.account] === "held" ? "held" : "requested";
    });
    cy.nodes(".account").forEach(function (node) {
      const state = states[node.data("account")];
      node.toggleClass("held", state === "held");
      node.toggleClass("requested", state === "requested");
    });
  }
  document.body.addEventListener("htmx:afterSwap", mark);
})();
