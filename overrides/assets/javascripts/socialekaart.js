/* Sociale kaart: list filters, the school lookup and the print button.
 * Progressive enhancement: without JavaScript the forms stay hidden and every item is shown. */
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim();
  }

  /* A control matches an item when it is empty or the item's data attribute agrees. */
  function matches(control, item) {
    var soort = control.getAttribute("data-filter");
    var veld = control.getAttribute("data-veld");
    if (control.type === "checkbox") {
      return !control.checked || item.getAttribute("data-" + veld) === control.value;
    }
    var waarde = control.value.trim();
    if (waarde === "") return true;
    if (soort === "leeftijd") {
      var leeftijd = Number(waarde);
      if (Number.isNaN(leeftijd)) return true;
      return Number(item.getAttribute("data-leeftijd-min")) <= leeftijd &&
        leeftijd <= Number(item.getAttribute("data-leeftijd-max"));
    }
    var gegeven = item.getAttribute("data-" + veld) || "";
    if (soort === "bevat") return gegeven.split(" ").indexOf(waarde) !== -1;
    return gegeven === waarde;
  }

  /* Words for the count, from the form: "1 initiatief", "3 initiatieven". */
  function aantal(form, n) {
    return n + " " + (n === 1 ? form.getAttribute("data-enkelvoud") || "resultaat" : form.getAttribute("data-meervoud") || "resultaten");
  }

  /* The filters live in the query string (?gemeente=GM0632&thema=maatje): a filtered list
   * can be shared, and it comes back on reload and after Back. */
  function naarAdres(controls) {
    var params = new URLSearchParams(window.location.search);
    controls.forEach(function (c) {
      var waarde = c.type === "checkbox" ? (c.checked ? c.value : "") : c.value.trim();
      if (waarde) params.set(c.name, waarde); else params.delete(c.name);
    });
    var query = params.toString();
    var adres = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (adres !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", adres);
    }
  }

  function uitAdres(controls) {
    var params = new URLSearchParams(window.location.search);
    controls.forEach(function (c) {
      var waarde = params.get(c.name) || "";
      if (c.type === "checkbox") {
        c.checked = waarde === c.value;
      } else {
        c.value = waarde;
        if (c.tagName === "SELECT" && c.selectedIndex < 0) c.value = "";  // unknown value in a shared link
      }
    });
  }

  function setupFilter(form) {
    var lijst = document.getElementById(form.getAttribute("data-filter-lijst"));
    if (!lijst) return;
    var items = Array.prototype.slice.call(lijst.children);
    var controls = Array.prototype.slice.call(form.querySelectorAll("[data-filter]"));
    var teller = form.querySelector(".sk-teller");
    var kop = document.getElementById(form.getAttribute("data-filter-kop") || "");

    function update() {
      var zichtbaar = 0;
      items.forEach(function (item) {
        var ok = controls.every(function (c) { return matches(c, item); });
        item.hidden = !ok;
        if (ok) zichtbaar += 1;
      });
      var alles = zichtbaar === items.length;
      if (teller) {
        teller.textContent = alles
          ? "Alle " + aantal(form, items.length) + " worden getoond."
          : aantal(form, zichtbaar) + " gevonden, van de " + items.length + ".";
      }
      if (kop) {
        kop.textContent = alles
          ? kop.getAttribute("data-kop-alle") + " (" + items.length + ")"
          : kop.getAttribute("data-kop-gefilterd") + " (" + zichtbaar + ")";
      }
    }

    function wijziging() {
      update();
      naarAdres(controls);
    }

    function herstel() {
      uitAdres(controls);
      update();
    }

    form.setAttribute("autocomplete", "off");  // the address, not the browser's memory, holds the filters
    form.addEventListener("input", wijziging);
    form.addEventListener("change", wijziging);
    form.addEventListener("reset", function () { window.setTimeout(wijziging, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", herstel);
    window.addEventListener("pageshow", function (event) { if (event.persisted) herstel(); });
    form.hidden = false;
    form.parentNode.querySelectorAll(".sk-filter-zonder-js").forEach(function (el) { el.hidden = true; });
    herstel();
  }

  /* Schools are typed in many ways: "OBS Nijenrode" for "Nijenrode", "99 SC" for BRIN 99SC.
   * Words that only say what kind of school it is are left out of the question. */
  var VOORVOEGSELS = ["obs", "cbs", "pcbs", "rk", "rkbs", "ikc", "de", "het", "basisschool", "school"];

  function woorden(tekst) {
    return normalise(tekst).split(/[^a-z0-9]+/).filter(function (w) {
      return w !== "" && VOORVOEGSELS.indexOf(w) === -1;
    });
  }

  function vindt(vraag, tekst) {
    var gezocht = woorden(vraag);
    if (gezocht.length === 0) return normalise(tekst).indexOf(normalise(vraag)) !== -1;
    // "99 SC" is BRIN 99SC: the words together, without spaces, anywhere in the row ...
    if (normalise(tekst).replace(/[^a-z0-9]/g, "").indexOf(gezocht.join("")) !== -1) return true;
    // ... or every word the start of a word of the row ("nijen bre").
    var eigen = normalise(tekst).split(/[^a-z0-9]+/);
    return gezocht.every(function (w) {
      return eigen.some(function (e) { return e.indexOf(w) === 0; });
    });
  }

  function setupLookup(form) {
    var rijen = [];
    form.getAttribute("data-zoek-tabellen").split(" ").forEach(function (id) {
      var tabel = document.getElementById(id);
      if (tabel) rijen = rijen.concat(Array.prototype.slice.call(tabel.querySelectorAll("tbody tr")));
    });
    var veld = form.querySelector("input[type=search]");
    var teller = form.querySelector(".sk-teller");

    function update() {
      var vraag = normalise(veld.value);
      var gevonden = 0;
      rijen.forEach(function (rij) {
        var ok = vraag === "" || vindt(vraag, rij.getAttribute("data-zoek") || "");
        rij.hidden = !ok;
        if (ok) gevonden += 1;
      });
      if (teller) {
        teller.textContent = vraag === "" ? "" :
          gevonden === 0 ? "Niets gevonden. Probeer de gemeente of een deel van de naam." :
          gevonden + (gevonden === 1 ? " resultaat." : " resultaten.");
      }
    }

    veld.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }

  function setupPrint(button) {
    button.closest("[hidden]") && (button.closest("[hidden]").hidden = false);
    button.addEventListener("click", function () { window.print(); });
  }

  /* Material puts each table in a box that scrolls sideways when the table is wider than the
   * screen. A keyboard user can only scroll it when it can take focus, and a screen reader
   * user needs to know what it is: while it scrolls it is a focusable region named after the
   * table's caption. */
  var regioNamen = {};

  function uniekeNaam(tekst) {  /* two regions with one name break landmark navigation */
    regioNamen[tekst] = (regioNamen[tekst] || 0) + 1;
    return regioNamen[tekst] > 1 ? tekst + " (" + regioNamen[tekst] + ")" : tekst;
  }

  function setupScrollTabel(box) {
    var tabel = box.querySelector("table");
    if (!tabel || box.hasAttribute("data-sk-tabel")) return;
    box.setAttribute("data-sk-tabel", "");
    var naam = uniekeNaam(tabel.caption ? tabel.caption.textContent.replace(/\s+/g, " ").trim() : "Tabel");

    function update() {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", naam);
      } else {
        ["tabindex", "role", "aria-label"].forEach(function (attribuut) { box.removeAttribute(attribuut); });
      }
    }

    update();
    if (window.ResizeObserver) new ResizeObserver(update).observe(box);
  }

  function setupScrollTabellen() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(setupScrollTabel);
  }

  function init() {
    setupScrollTabellen();
    // Material wraps the tables from its own bundle; document$ tells when it has done so.
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(setupScrollTabellen);
    document.querySelectorAll("form[data-filter-lijst]").forEach(setupFilter);
    document.querySelectorAll("form[data-zoek-tabellen]").forEach(setupLookup);
    document.querySelectorAll("[data-print]").forEach(setupPrint);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
