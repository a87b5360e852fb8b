function (hash) {
    // The shared map document shows what its address says:
    // kaart.html#t=<titel>&p=<lat>,<lon>,<soort>,<naam>&p=...
    // Rows get no link: a record page's map only shows where the record is. Only numbers and
    // a slug are used as such; names only ever become text (marker.js), never markup.
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    var rows = [];
    params.getAll("p").forEach(function (value) {
        var parts = value.split(",");
        var lat = parseFloat(parts[0]), lon = parseFloat(parts[1]);
        var soort = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(parts[2] || "") ? parts[2] : "plek";
        if (isFinite(lat) && isFinite(lon)) {
            rows.push([lat, lon, parts.slice(3).join(",") || "Plek", null, soort]);
        }
    });
    var titel = params.get("t");
    if (titel) {
        document.title = titel;
        var kop = document.querySelector("h1");
        if (kop) { kop.textContent = titel; }
    }
    return rows;
}
