/* Search page (content/zoeken.md): Pagefind over the built site, sociale-kaart records first
 * (index pagefind/), the regional agenda below from its own index (pagefind-agenda/) and label, the region's synonyms (mkdocs.yml
 * extra.zoeken.synoniemen) and, when nothing is found, suggestions and the lokaal team.
 * The form is a plain GET form: without JavaScript the page shows links per subject and gemeente. */
(function () {
  "use strict";

  var KAART_MAX = 10;
  var AGENDA_MAX = 5;
  var MET_GEMEENTE_MAX = 40;  // with a gemeente chosen, this many are read to keep the ones about it
  var VARIANTEN_MAX = 12;

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

    function bundel(attribuut) {
      return import(new URL(form.getAttribute(attribuut), window.location.href).href).then(function (pf) {
        // init() fetches the engine and the page list now, not at the first query.
        return pf.options({ baseUrl: basis.pathname, excerptLength: 24 })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
    }

    function laad() {
      if (!pagefind) {
        pagefind = bundel("data-zoeken");
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
      return ol;
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

    /* The sociale kaart is shown as soon as it is found; the agenda follows below it.
     * A chosen gemeente is a word every result must contain too (pages name their gemeenten). */
    function zoek() {
      var vraag = normalise(veld.value);
      var nummer = ++laatste;
      form.removeAttribute("data-klaar");
      if (!vraag) {
        teller.textContent = "";
        uitkomst.textContent = "";
        return Promise.resolve();
      }
      if (window.performance && performance.mark) performance.mark("sk-zoeken-start");  // benchmarks/zoeken.py
      var plaats = gemeente.value ? " " + normalise(gemeente.value) : "";
      var vragen = [];
      var nKaart = 0;
      return laad().then(function (geladen) {
        vragen = varianten(vraag, geladen[1]);
        return zoekAlle(geladen[0], vragen.map(function (v) { return v + plaats; })).then(function (kaart) {
          nKaart = kaart.length;
          return Promise.all(kaart.slice(0, plaats ? MET_GEMEENTE_MAX : KAART_MAX).map(function (r) { return r.data(); }));
        }).then(function (gegevens) {
          if (plaats) {  // only pages about that gemeente, not overviews that happen to name it
            gegevens = gegevens.filter(function (d) { return (d.meta.gemeenten || "").split(", ").indexOf(gemeente.value) !== -1; });
            nKaart = gegevens.length;
          }
          return Promise.all([gegevens.slice(0, KAART_MAX), nKaart ? null : volgendeStap(veld.value.trim(), geladen[1])]);
        });
      }).then(function (kaart) {
        if (nummer !== laatste) return null;  // a newer search is under way
        toonKaart(nKaart, kaart[0], kaart[1]);
        return laadAgenda().then(function (pf) { return zoekAlle(pf, vragen); }, function () { return []; }).then(function (agenda) {
          return Promise.all(agenda.slice(0, AGENDA_MAX).map(function (r) { return r.data(); })).then(function (gegevens) {
            if (nummer === laatste) toonAgenda(nKaart, agenda.length, gegevens);
          });
        });
      });
    }

    function tel(nKaart, nAgenda) {
      teller.textContent = aantal(nKaart, "resultaat", "resultaten") + " op de sociale kaart" +
        (nAgenda ? " en " + aantal(nAgenda, "resultaat", "resultaten") + " in de regionale agenda." : ".");
    }

    function toonKaart(nKaart, kaart, geenResultaat) {
      uitkomst.textContent = "";
      if (geenResultaat) uitkomst.appendChild(geenResultaat);
      if (nKaart) {
        uitkomst.appendChild(element("h2", "Op de sociale kaart"));
        uitkomst.appendChild(resultaatLijst(kaart, false));
        if (nKaart > kaart.length) uitkomst.appendChild(element("p", "De beste " + kaart.length + " staan hier. Maak je zoekvraag preciezer of kies je gemeente."));
      }
      if (window.performance && performance.mark) performance.mark("sk-zoeken-kaart");
    }

    function toonAgenda(nKaart, nAgenda, agenda) {
      tel(nKaart, nAgenda);
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

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.history.pushState(null, "", adres());
      zoek();
    });
    veld.addEventListener("input", function () {
      // While the pause before searching runs, fetch the part of the index for this word.
      var woord = normalise(veld.value);
      if (woord) laad().then(function (geladen) { geladen[0].preload(woord); });
      window.clearTimeout(wacht);
      wacht = window.setTimeout(function () {
        window.history.replaceState(null, "", adres());
        zoek();
      }, 250);
    });
    gemeente.addEventListener("change", function () {
      window.history.replaceState(null, "", adres());
      zoek();
    });
    window.addEventListener("popstate", function () { vulUitAdres(); zoek(); });

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
