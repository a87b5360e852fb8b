/* Search page (content/zoeken.md): Pagefind over the built site, sociale-kaart records first
 * (index pagefind/ and its other parts pagefind-2/, ...), the regional agenda below from its own index (pagefind-agenda/) and label, the region's synonyms (mkdocs.yml
 * extra.zoeken.synoniemen) and, when nothing is found, suggestions and the lokaal team.
 * The form is a plain GET form: without JavaScript the page shows links per subject and gemeente. */
(function () {
  "use strict";

  var KAART_EERST = 4;  // shown as soon as these arrive: each result's data is a fetch of its own
  var KAART_MAX = 10;  // then up to this many, and as many more per "Meer resultaten"
  var AGENDA_MAX = 5;
  var MET_GEMEENTE_MAX = 40;  // with a gemeente chosen, read this many at a time to keep the ones about it
  var VARIANTEN_MAX = 12;
  // ms after a key before searching: none once a word has 3 letters (Pagefind searches in its
  // own worker and a newer search drops an older one's results), so the answer waits for no timer
  var PAUZE = 0;
  var PAUZE_KORT = 400;

  function normalise(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function uniek(lijst) {
    return lijst.filter(function (x, i) { return lijst.indexOf(x) === i; });
  }

  /* The query and its variants: a word from a synonym group is also searched as each other
   * word of its group, and a plural diminutive ("maatjes") also as its singular ("maatje"),
   * which the Dutch stemmer does not do. Pagefind matches every word, so variants are
   * separate searches whose results are merged. */
  function varianten(vraag, groepen) {
    var woorden = vraag.split(" ");
    var vragen = [vraag];
    groepen.forEach(function (groep) {
      if (groep.indexOf(vraag) !== -1) vragen = vragen.concat(groep);
    });
    woorden.forEach(function (woord, i) {
      var andere = [];
      groepen.forEach(function (groep) { if (groep.indexOf(woord) !== -1) andere = andere.concat(groep); });
      if (/.jes$/.test(woord)) andere.push(woord.slice(0, -1));
      andere.forEach(function (ander) {
        var kopie = woorden.slice();
        kopie[i] = ander;
        vragen.push(kopie.join(" "));
      });
    });
    vragen = uniek(vragen);
    // Pagefind matches the start of words: "schuld" already finds "schulden", so that
    // variant would only cost a search (each search scores every page it matches).
    var nodig = vragen.filter(function (v) {
      return !vragen.some(function (ander) { return ander !== v && ander.indexOf(" ") === -1 && v.indexOf(" ") === -1 && v.indexOf(ander) === 0; });
    });
    return nodig.slice(0, VARIANTEN_MAX);
  }

  /* Pagefind's excerpt marks hits with <mark>; everything else is shown as plain text
   * (a textarea decodes entities without running or keeping any markup). */
  var ontsleutel = document.createElement("textarea");
  function uittreksel(html) {
    var p = document.createElement("p");
    html.split(/(<mark>.*?<\/mark>)/).forEach(function (deel) {
      ontsleutel.innerHTML = deel.replace(/<\/?mark>/g, "");
      var tekst = ontsleutel.value;
      if (!tekst) return;
      if (deel.indexOf("<mark>") === 0) {
        var mark = document.createElement("mark");
        mark.textContent = tekst;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(tekst));
      }
    });
    return p;
  }

  function element(naam, tekst, klasse) {
    var el = document.createElement(naam);
    if (tekst) el.textContent = tekst;
    if (klasse) el.className = klasse;
    return el;
  }

  function link(href, tekst) {
    var a = element("a", tekst);
    a.href = href;
    return a;
  }

  function aantal(n, een, meer) {
    return n + " " + (n === 1 ? een : meer);
  }

  function markeer(naam) {  // read by benchmarks/zoeken.py
    if (window.performance && performance.mark) performance.mark(naam);
  }

  /* Reads the data of Pagefind's results in their order, only as many as asked: each is a
   * fetch. With a gemeente only pages about it count, so it reads ahead in blocks. */
  function lezer(resultaten, gemeenteNaam) {
    var positie = 0;
    var voorraad = [];
    var gevonden = 0;
    function over(d) {
      return !gemeenteNaam || (d.meta.gemeenten || "").split(", ").indexOf(gemeenteNaam) !== -1;
    }
    function volgende(n) {
      if (voorraad.length >= n || positie >= resultaten.length) return Promise.resolve(voorraad.splice(0, n));
      var blok = resultaten.slice(positie, positie + (gemeenteNaam ? MET_GEMEENTE_MAX : n - voorraad.length));
      positie += blok.length;
      return Promise.all(blok.map(function (r) { return r.data(); })).then(function (gegevens) {
        var passend = gegevens.filter(over);
        gevonden += passend.length;
        voorraad = voorraad.concat(passend);
        return volgende(n);
      });
    }
    return {
      volgende: volgende,
      meer: function () { return voorraad.length > 0 || positie < resultaten.length; },
      // Without a gemeente Pagefind's count is exact; with one, what was read so far (and maybe more).
      aantal: function () { return gemeenteNaam ? gevonden : resultaten.length; },
      zeker: function () { return !gemeenteNaam || positie >= resultaten.length; }
    };
  }

  function setupZoeken(form) {
    var veld = form.querySelector("input[name=q]");
    var gemeente = form.querySelector("select[name=gemeente]");
    var teller = document.getElementById("zoek-teller");
    var uitkomst = document.getElementById("zoek-resultaten");
    var basis = new URL(form.getAttribute("data-basis"), window.location.href);
    var pagefind = null;
    var agendaBundel = null;
    var groepen = null;
    var teams = null;
    var laatste = 0;
    var wacht = null;

    function json(pad) {
      return fetch(new URL(pad, window.location.href)).then(function (r) { return r.json(); });
    }

    /* `delen`: the folders of the index's other parts, merged into it (Pagefind's mergeIndex
     * shares the engine; each part adds its page list and, per word, one index chunk). */
    function bundel(attribuut, delen) {
      var opties = { baseUrl: basis.pathname, excerptLength: 24 };
      return import(new URL(form.getAttribute(attribuut), window.location.href).href).then(function (pf) {
        // init() fetches the engine and the page list now, not at the first query.
        return pf.options(opties)
          .then(function () { return pf.init(); })
          .then(function () {
            return Promise.all((delen || []).map(function (deel) {
              return pf.mergeIndex(new URL(deel, window.location.href).href, opties);
            }));
          })
          .then(function () { return pf; });
      });
    }

    function laad() {
      if (!pagefind) {
        pagefind = bundel("data-zoeken", (form.getAttribute("data-zoeken-delen") || "").split(" ").filter(Boolean));
        groepen = json(form.getAttribute("data-synoniemen")).catch(function () { return []; });
      }
      return Promise.all([pagefind, groepen]);
    }

    function laadAgenda() {
      agendaBundel = agendaBundel || bundel("data-zoeken-agenda");
      return agendaBundel;
    }

    /* Every variant searched; per page the best score counts. */
    function zoekAlle(pf, vragen) {
      return Promise.all(vragen.map(function (v) { return pf.search(v); })).then(function (uitslagen) {
        var beste = {};
        uitslagen.forEach(function (uitslag) {
          (uitslag && uitslag.results || []).forEach(function (r) {
            if (!beste[r.id] || beste[r.id].score < r.score) beste[r.id] = r;
          });
        });
        return Object.keys(beste).map(function (id) { return beste[id]; })
          .sort(function (a, b) { return b.score - a.score; });
      });
    }

    function resultaatLijst(gegevens, agenda) {
      var ol = element("ol", "", "sk-zoekresultaten");
      voegToe(ol, gegevens, agenda);
      return ol;
    }

    function voegToe(ol, gegevens, agenda) {
      gegevens.forEach(function (d) {
        var li = element("li");
        var kop = element("p", "", "sk-zoekresultaat-titel");
        kop.appendChild(link(d.url, d.meta.title || d.url));
        li.appendChild(kop);
        var soort = agenda ? "Regionale agenda" : (d.meta.soort || "Informatie");
        var regel = element("p", "", "sk-zoekresultaat-soort");
        regel.appendChild(element("span", soort, "sk-label"));
        if (d.meta.gemeenten) regel.appendChild(document.createTextNode(" " + d.meta.gemeenten));
        li.appendChild(regel);
        li.appendChild(uittreksel(d.excerpt || ""));
        ol.appendChild(li);
      });
    }

    /* Nothing on the sociale kaart: other words to try and the lokaal team of the gemeente. */
    function volgendeStap(vraag, groepen) {
      var blok = element("div", "", "sk-geen-resultaat");
      blok.appendChild(element("p", "Op de sociale kaart vonden we niets voor \u201c" + vraag + "\u201d" +
        (gemeente.value ? " in " + gemeente.value : "") + "."));
      var voorstel = element("p", "Probeer een ander woord: ");
      groepen.slice(0, 8).forEach(function (groep, i) {
        if (i) voorstel.appendChild(document.createTextNode(", "));
        var url = new URL(window.location.href);
        url.search = "";
        url.searchParams.set("q", groep[0]);
        if (gemeente.value) url.searchParams.set("gemeente", gemeente.value);
        voorstel.appendChild(link(url.href, groep[0]));
      });
      voorstel.appendChild(document.createTextNode(". Of bekijk alle "));
      voorstel.appendChild(link(new URL("informele-steun/", basis).href, "informele steun"));
      voorstel.appendChild(document.createTextNode("."));
      blok.appendChild(voorstel);
      var team = element("p", "", "sk-lokaal-team");
      blok.appendChild(team);
      if (!gemeente.value) {
        team.appendChild(document.createTextNode("Het lokaal team van je gemeente helpt je gratis verder. Kies hierboven je gemeente, of zoek je team bij "));
        team.appendChild(link(new URL("lokale-teams/", basis).href, "de lokale teams"));
        team.appendChild(document.createTextNode("."));
        return Promise.resolve(blok);
      }
      teams = teams || json(form.getAttribute("data-teams")).catch(function () { return {}; });
      return teams.then(function (perGemeente) {
        var t = perGemeente[gemeente.value];
        if (!t) {
          team.appendChild(document.createTextNode("Bel of mail je gemeente: het lokaal team helpt je gratis verder."));
          return blok;
        }
        team.appendChild(document.createTextNode("Het lokaal team in " + gemeente.value + " helpt je gratis verder: "));
        team.appendChild(link(new URL(t.pad, basis).href, t.team));
        if (t.telefoon) {
          team.appendChild(document.createTextNode(", bel "));
          team.appendChild(link("tel:" + t.telefoon.replace(/[^0-9+]/g, ""), t.telefoon));
        }
        if (t.email) {
          team.appendChild(document.createTextNode(t.telefoon ? " of mail " : ", mail "));
          team.appendChild(link("mailto:" + t.email, t.email));
        }
        team.appendChild(document.createTextNode("."));
        return blok;
      });
    }

    /* The first few sociale-kaart results are shown as soon as their data arrives, the rest of
     * the first page after them, the agenda below. A chosen gemeente is a word every result
     * must contain too (pages name their gemeenten); overviews that only name it are left out. */
    function zoek() {
      var vraag = normalise(veld.value);
      var nummer = ++laatste;
      form.removeAttribute("data-klaar");
      form.removeAttribute("data-getoond");
      if (!vraag) {
        teller.textContent = "";
        uitkomst.textContent = "";
        return Promise.resolve();
      }
      markeer("sk-zoeken-start");
      var plaats = gemeente.value ? " " + normalise(gemeente.value) : "";
      var vragen = [];
      var groepenLijst = [];
      var kaart = null;
      var lijst = null;
      function actueel() { return nummer === laatste; }
      return laad().then(function (geladen) {
        groepenLijst = geladen[1];
        vragen = varianten(vraag, groepenLijst);
        return zoekAlle(geladen[0], vragen.map(function (v) { return v + plaats; }));
      }).then(function (resultaten) {
        if (!actueel()) return null;  // a newer search is under way: fetch nothing for this one
        kaart = lezer(resultaten, gemeente.value);
        return kaart.volgende(KAART_EERST).then(function (eerste) {
          if (!actueel()) return null;
          if (!eerste.length) {
            return volgendeStap(veld.value.trim(), groepenLijst).then(function (blok) {
              if (actueel()) toonKaart([], blok);
            });
          }
          lijst = toonKaart(eerste, null);
          return kaart.volgende(KAART_MAX - eerste.length).then(function (rest) {
            if (actueel()) { voegToe(lijst, rest, false); meerKnop(kaart, lijst); }
          });
        });
      }).then(function () {
        if (!actueel() || !kaart) return null;
        return laadAgenda().then(function (pf) { return zoekAlle(pf, vragen); }, function () { return []; }).then(function (agenda) {
          return Promise.all(agenda.slice(0, AGENDA_MAX).map(function (r) { return r.data(); })).then(function (gegevens) {
            if (actueel()) toonAgenda(kaart, agenda.length, gegevens);
          });
        });
      });
    }

    function tel(kaart, nAgenda) {
      var n = kaart ? kaart.aantal() : 0;
      var tekst = (kaart && !kaart.zeker() ? "minstens " : "") + aantal(n, "resultaat", "resultaten") + " op de sociale kaart";
      teller.textContent = tekst.charAt(0).toUpperCase() + tekst.slice(1) +
        (nAgenda ? " en " + aantal(nAgenda, "resultaat", "resultaten") + " in de regionale agenda." : ".");
    }

    function toonKaart(eerste, geenResultaat) {
      uitkomst.textContent = "";
      var ol = null;
      if (geenResultaat) uitkomst.appendChild(geenResultaat);
      if (eerste.length) {
        uitkomst.appendChild(element("h2", "Op de sociale kaart"));
        ol = resultaatLijst(eerste, false);
        uitkomst.appendChild(ol);
      }
      markeer("sk-zoeken-kaart");
      form.setAttribute("data-getoond", veld.value);
      return ol;
    }

    /* More results on request, read only then; focus goes to the first new one. */
    function meerKnop(kaart, ol) {
      if (!kaart.meer()) return;
      var blok = element("p", "", "sk-meer");
      var knop = element("button", "Meer resultaten", "md-button");
      knop.type = "button";
      blok.appendChild(knop);
      ol.parentNode.insertBefore(blok, ol.nextSibling);
      knop.addEventListener("click", function () {
        knop.disabled = true;
        var nummer = laatste;
        kaart.volgende(KAART_MAX).then(function (erbij) {
          if (nummer !== laatste) return;
          var eerder = ol.children.length;
          voegToe(ol, erbij, false);
          blok.parentNode.removeChild(blok);
          meerKnop(kaart, ol);
          tel(kaart, Number(form.getAttribute("data-agenda")) || 0);
          var nieuw = ol.children[eerder];
          if (nieuw) nieuw.querySelector("a").focus();
        });
      });
    }

    function toonAgenda(kaart, nAgenda, agenda) {
      tel(kaart, nAgenda);
      form.setAttribute("data-agenda", String(nAgenda));
      if (nAgenda) {
        uitkomst.appendChild(element("h2", "Regionale agenda"));
        uitkomst.appendChild(element("p", "Plannen van de gemeenten samen; geen hulp die je kunt aanvragen.", "sk-toelichting"));
        uitkomst.appendChild(resultaatLijst(agenda, true));
      }
      form.setAttribute("data-klaar", veld.value);
    }

    function vulUitAdres() {
      var params = new URLSearchParams(window.location.search);
      veld.value = params.get("q") || "";
      gemeente.value = params.get("gemeente") || "";
      if (gemeente.selectedIndex < 0) gemeente.value = "";
    }

    function adres() {
      var params = new URLSearchParams();
      if (veld.value.trim()) params.set("q", veld.value.trim());
      if (gemeente.value) params.set("gemeente", gemeente.value);
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }

    /* The address follows the query. The first key after a finished search starts a new history
     * entry, later keys and the submit of the same query update it: Back returns to the
     * previous search, not to half a word. */
    var nieuwAdres = true;
    function zetAdres() {
      var doel = adres();
      if (doel === window.location.pathname + window.location.search) return;
      if (nieuwAdres) window.history.pushState(null, "", doel); else window.history.replaceState(null, "", doel);
      nieuwAdres = false;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      zetAdres();
      nieuwAdres = true;
      zoek();
    });
    veld.addEventListener("input", function () {
      markeer("sk-invoer");
      // While typing, fetch the parts of the index for the word, its variants and the synonym
      // groups it may become ("gel": geld, schulden), so that the search itself only waits
      // for the data of the results it shows.
      var woord = normalise(veld.value);
      if (woord.length > 2) {
        laad().then(function (geladen) {
          var vooruit = varianten(woord, geladen[1]);
          geladen[1].forEach(function (groep) {
            if (groep.some(function (w) { return w.indexOf(woord) === 0; })) vooruit = vooruit.concat(groep);
          });
          if (gemeente.value) vooruit.push(normalise(gemeente.value));  // a word of every search
          uniek(vooruit).forEach(function (v) { geladen[0].preload(v); });
        });
      }
      window.clearTimeout(wacht);
      wacht = window.setTimeout(function () {
        zetAdres();
        zoek();
      }, woord.length > 2 ? PAUZE : PAUZE_KORT);
    });
    veld.addEventListener("focus", laad);
    gemeente.addEventListener("change", function () {
      window.history.replaceState(null, "", adres());
      zoek();
    });
    window.addEventListener("popstate", function () { nieuwAdres = true; vulUitAdres(); zoek(); });

    document.querySelectorAll(".sk-zonder-js").forEach(function (el) { el.hidden = true; });
    vulUitAdres();
    if (veld.value.trim()) zoek(); else laad();  // an empty page gets the engine ready for the first word
  }

  function init() {
    var form = document.querySelector("form[data-zoeken]");
    if (form) setupZoeken(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
