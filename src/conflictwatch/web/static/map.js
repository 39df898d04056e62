// The map: country outlines from world-atlas (no tile server) and the filtered
// events as circles sized by fatalities, coloured by type, clustered when dense.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) { return; }
  var COLOURS = {
    "Battles": "#c0392b",
    "Violence against civilians": "#8e44ad",
    "Explosions/Remote violence": "#d35400",
    "Riots": "#f1c40f",
    "Protests": "#2980b9",
    "Strategic developments": "#27ae60"
  };
  // No tile layer sets a zoom range, and the clusters need one.
  // preferCanvas: thousands of circles draw faster on one canvas than as SVG nodes.
  var map = L.map(el, { worldCopyJump: true, preferCanvas: true, minZoom: 2, maxZoom: 12 })
    .setView([15, 0], 4);
  map.attributionControl.addAttribution("Outlines: Natural Earth / world-atlas");

  fetch(el.dataset.outlines).then(function (r) { return r.json(); }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      style: { color: "#607d8b", weight: 0.8, fillColor: "#f5f1e6", fillOpacity: 1 },
      interactive: false,
      renderer: L.svg()  // its own pane below the points, which use canvas
    }).addTo(map).bringToBack();
    el.dataset.outlinesLoaded = "1";
  });

  var clusters = L.markerClusterGroup({
    chunkedLoading: true,
    maxClusterRadius: 40,
    disableClusteringAtZoom: 9,
    showCoverageOnHover: false
  });
  map.addLayer(clusters);

  function radius(fatalities) {
    return 4 + 2.5 * Math.sqrt(fatalities || 0);  // area grows with the toll
  }

  fetch(el.dataset.points).then(function (r) { return r.json(); }).then(function (data) {
    var layers = data.points.map(function (p) {
      var marker = L.circleMarker([p[1], p[2]], {
        radius: radius(p[4]),
        color: "#333",
        weight: 0.6,
        fillColor: COLOURS[p[3]] || "#7f8c8d",
        fillOpacity: 0.8
      });
      marker.eventId = p[0];
      marker.bindPopup(function () {
        var a = document.createElement("a");
        a.href = "/events/" + encodeURIComponent(p[0]);
        a.textContent = p[3] + ", " + p[4] + " fatalities";
        return a;
      });
      return marker;
    });
    clusters.addLayers(layers);
    if (layers.length) {
      map.fitBounds(clusters.getBounds(), { maxZoom: 7, padding: [20, 20] });
    }
    el.dataset.pointsLoaded = String(layers.length);
  });
})();
