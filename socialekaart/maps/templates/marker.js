(function () {
    // One Leaflet icon per soort; the class lets kaart.css give each soort its own colour.
    var icons = {};
    function iconFor(soort) {
        if (!icons[soort]) {
            icons[soort] = new L.Icon.Default({className: "kaart-soort-" + soort});
        }
        return icons[soort];
    }

    // Built with DOM calls, not HTML strings, so a name can never become markup.
    function popupContent(row) {
        var element;
        if (row[3]) {
            element = document.createElement("a");
            element.href = row[3];
            element.target = "_top";  // open the record page in the main window, not in the iframe
        } else {
            element = document.createElement("strong");
        }
        element.textContent = row[2];
        return element;
    }

    return function (row) {
        var marker = L.marker([row[0], row[1]], {
            title: row[2],
            alt: row[2],
            keyboard: true,
            icon: iconFor(row[4])
        });
        marker.bindPopup(function () { return popupContent(row); });
        // Keyboard users land on the link in the popup, can close it with Escape (Leaflet only
        // listens while the map itself has focus) and return to the marker when it closes.
        var escapeBound = false;
        marker.on("popupopen", function (event) {
            var popup = event.popup.getElement();
            if (!escapeBound) {
                L.DomEvent.on(popup, "keydown", function (keyEvent) {
                    if (keyEvent.key === "Escape") { marker.closePopup(); }
                });
                escapeBound = true;
            }
            var close = popup.querySelector(".leaflet-popup-close-button");
            if (close) { close.setAttribute("aria-label", "Sluiten"); }
            var link = popup.querySelector(".leaflet-popup-content a");
            if (link) { link.focus(); }
        });
        marker.on("popupclose", function (event) {
            var popup = event.popup.getElement();
            var icon = marker.getElement();
            if (icon && (document.activeElement === document.body || (popup && popup.contains(document.activeElement)))) {
                icon.focus();
            }
        });
        return marker;
    };
})()
